package dev.virex.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Checkpoint;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.policy.WitnessedCheckpoint;
import dev.virex.core.witness.AddCheckpointRequest;
import dev.virex.core.witness.WitnessApi;
import dev.virex.core.witness.WitnessException;
import dev.virex.core.witness.WitnessException.Kind;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of C2SP tlog-witness "add-checkpoint" and the monitoring read, run against the
 * witness in process and, by the subclass, through its HTTP server and client.
 */
abstract class WitnessContract {
    @TempDir
    Path dir;
    Fixture f;
    final TestLog log = new TestLog();

    /** The witness under test, as the caller reaches it. */
    abstract WitnessApi api() throws Exception;

    /** Restarts the witness process on the same database. */
    abstract void restart() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.store.close();
    }

    static void refused(Kind kind, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(WitnessException.class)
                .satisfies(e -> assertThat(((WitnessException) e).kind()).isEqualTo(kind));
    }

    private void assertCosigns(List<NoteSignature> sigs, Bytes checkpoint) throws Exception {
        assertThat(sigs).hasSize(1);
        NoteSignature s = sigs.get(0);
        var cosigner = Cosignature.cosignerKey(Fixture.WITNESS.verifierKey());
        assertThat(s.name()).isEqualTo(cosigner.name());
        assertThat(s.keyId()).isEqualTo(cosigner.keyId());
        byte[] text = Note.parse(checkpoint.toArray()).text().getBytes(StandardCharsets.UTF_8);
        assertThat(Cosignature.verifier(cosigner).verify(text, 0, text.length, s.signature().toArray())).isTrue();
        assertThat(Cosignature.timestamp(s)).hasValue(f.clock.instant().getEpochSecond());
    }

    @Test
    void cosignsTheFirstCheckpointFromSizeZeroThenEachConsistentOne() throws Exception {
        log.grow(5);
        assertCosigns(api().addCheckpoint(log.request(0)), log.signed());
        log.grow(300);
        f.clock.advance(java.time.Duration.ofSeconds(7));
        assertCosigns(api().addCheckpoint(log.request(5)), log.signed());
        // The same tree again (equal sizes, same root, no proof) is cosigned afresh.
        assertCosigns(api().addCheckpoint(log.request(305)), log.signed());
    }

    @Test
    void unknownOriginIs404() throws Exception {
        TestLog other = new TestLog(TestKeys.signer("other.log.test"), "other").grow(3);
        refused(Kind.UNKNOWN_ORIGIN, () -> api().addCheckpoint(other.request(0)));
    }

    @Test
    void noTrustedSignatureOrABadOneIs403() throws Exception {
        log.grow(3);
        // Signed by another key under the same name: an unknown key, ignored; no trusted signature left.
        TestLog impostor = new TestLog(TestKeys.signer(TestLog.ORIGIN + "-impostor"), "main").grow(3);
        String forged = new String(impostor.signed().toArray(), StandardCharsets.UTF_8)
                .replace(TestLog.ORIGIN + "-impostor", TestLog.ORIGIN);
        refused(Kind.BAD_SIGNATURE, () -> api().addCheckpoint(new AddCheckpointRequest(0, List.of(),
                Bytes.wrap(forged.getBytes(StandardCharsets.UTF_8)))));
        // A signature line that matches the trusted key but does not verify.
        Note n = Note.parse(log.signed().toArray());
        NoteSignature s = n.signatures().get(0);
        byte[] sig = s.signature().toArray();
        sig[0] ^= 1;
        Note bad = new Note(n.text(), List.of(new NoteSignature(s.name(), s.keyId(), Bytes.wrap(sig))));
        refused(Kind.BAD_SIGNATURE, () -> api().addCheckpoint(new AddCheckpointRequest(0, List.of(), Bytes.wrap(bad.encode()))));
    }

    @Test
    void aBodyThatIsNotACheckpointIs400AndSoIsAnOldSizeAboveTheNewOne() throws Exception {
        log.grow(3);
        refused(Kind.MALFORMED, () -> api().addCheckpoint(new AddCheckpointRequest(0, List.of(),
                Bytes.wrap("not a note\n".getBytes(StandardCharsets.UTF_8)))));
        refused(Kind.MALFORMED, () -> api().addCheckpoint(new AddCheckpointRequest(4, List.of(), log.signed())));
    }

    @Test
    void aWrongOldSizeIs409WithTheKnownSizeAndTheLogRetriesFromIt() throws Exception {
        log.grow(10);
        api().addCheckpoint(log.request(0));
        log.grow(10);
        assertThatThrownBy(() -> api().addCheckpoint(log.request(0)))
                .isInstanceOf(WitnessException.class)
                .satisfies(e -> assertThat(((WitnessException) e).knownSize()).hasValue(10));
        assertThatThrownBy(() -> api().addCheckpoint(log.request(7)))
                .satisfies(e -> assertThat(((WitnessException) e).knownSize()).hasValue(10));
        assertCosigns(api().addCheckpoint(log.request(10)), log.signed());
    }

    @Test
    void anEmptyTreeMustHaveTheEmptyRoot() throws Exception {
        Bytes empty = Bytes.wrap(SignedCheckpoint.sign(new Checkpoint(TestLog.ORIGIN, 0, MerkleHash.EMPTY_ROOT), TestLog.KEY.noteSigner()));
        assertCosigns(api().addCheckpoint(new AddCheckpointRequest(0, List.of(), empty)), empty);
        Bytes wrong = Bytes.wrap(SignedCheckpoint.sign(new Checkpoint(TestLog.ORIGIN, 0, MerkleHash.leaf(new byte[1])), TestLog.KEY.noteSigner()));
        refused(Kind.BAD_PROOF, () -> api().addCheckpoint(new AddCheckpointRequest(0, List.of(), wrong)));
    }

    @Test
    void aProofFromSizeZeroMustBeEmpty() throws Exception {
        log.grow(4);
        refused(Kind.BAD_PROOF, () -> api().addCheckpoint(new AddCheckpointRequest(0, List.of(MerkleHash.EMPTY_ROOT), log.signed())));
    }

    @Test
    void aBadConsistencyProofIs422() throws Exception {
        log.grow(6);
        api().addCheckpoint(log.request(0));
        log.grow(9);
        List<Bytes> proof = new ArrayList<>(log.proofFrom(6));
        proof.set(0, MerkleHash.leaf(new byte[] {9}));
        refused(Kind.BAD_PROOF, () -> api().addCheckpoint(new AddCheckpointRequest(6, proof, log.signed())));
        refused(Kind.BAD_PROOF, () -> api().addCheckpoint(new AddCheckpointRequest(6, List.of(), log.signed())));
        // The witness did not move: the right proof still works.
        assertCosigns(api().addCheckpoint(log.request(6)), log.signed());
    }

    @Test
    void aForkIsNeverCosigned() throws Exception {
        log.grow(8);
        api().addCheckpoint(log.request(0));
        TestLog fork = new TestLog(TestLog.KEY, "fork").grow(8);
        // Same size, another root.
        refused(Kind.BAD_PROOF, () -> api().addCheckpoint(fork.request(8)));
        // A larger fork: no proof from the cosigned tree can lead to it.
        fork.grow(8);
        TestLog honest = new TestLog().grow(8);
        List<Bytes> proof = honest.grow(8).proofFrom(8);
        refused(Kind.BAD_PROOF, () -> api().addCheckpoint(new AddCheckpointRequest(8, proof, fork.signed())));
    }

    @Test
    void theStateSurvivesARestartBetweenRequests() throws Exception {
        log.grow(12);
        api().addCheckpoint(log.request(0));
        restart();
        log.grow(3);
        assertThatThrownBy(() -> api().addCheckpoint(log.request(0)))
                .satisfies(e -> assertThat(((WitnessException) e).knownSize()).hasValue(12));
        assertCosigns(api().addCheckpoint(log.request(12)), log.signed());
        restart();
        TestLog fork = new TestLog(TestLog.KEY, "fork").grow(15);
        refused(Kind.BAD_PROOF, () -> api().addCheckpoint(fork.request(15)));
    }

    @Test
    void unknownSignaturesAreIgnoredAndTheServedCheckpointCarriesTheLogsAndTheWitnesss() throws Exception {
        assertThat(api().latestCheckpoint(TestLog.ORIGIN)).isEmpty();
        log.grow(21);
        Note n = Note.parse(log.signed().toArray());
        byte[] withStranger = Note.sign(n.text(), TestLog.KEY.noteSigner(), TestKeys.signer("stranger.test").noteSigner()).encode();
        api().addCheckpoint(new AddCheckpointRequest(0, List.of(), Bytes.wrap(withStranger)));

        Bytes served = api().latestCheckpoint(TestLog.ORIGIN).orElseThrow();
        assertThat(Note.parse(served.toArray()).signatures()).extracting(NoteSignature::name)
                .containsExactly(TestLog.ORIGIN, "witness.test/w1");
        TlogPolicy policy = TlogPolicy.parse("log " + TestLog.KEY.verifierKey().encode() + "\nwitness w1 "
                + Cosignature.cosignerKey(Fixture.WITNESS.verifierKey()).encode() + "\nquorum w1\n");
        WitnessedCheckpoint wc = WitnessedCheckpoint.open(served.toArray(), policy);
        assertThat(wc.quorumMet()).isTrue();
        assertThat(wc.checkpoint().checkpoint().size()).isEqualTo(21);
        assertThat(api().latestCheckpoint("other.origin")).isEmpty();
    }
}

package dev.virex.crypto.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.Verifiers;
import dev.virex.crypto.frost.Coordinator;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.Identifier;
import dev.virex.crypto.frost.InMemoryNonceStore;
import dev.virex.crypto.frost.JdkEd25519;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.Polynomials;
import dev.virex.crypto.frost.Scalar;
import dev.virex.crypto.frost.SessionId;
import dev.virex.crypto.frost.Signature;
import dev.virex.crypto.frost.SigningAttempt;
import dev.virex.crypto.frost.SigningPackage;
import dev.virex.crypto.frost.ThresholdSigner;
import dev.virex.crypto.frost.Element;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FROST-paper DKG: a full 5-of-9 run then signing, and every way a member can cheat. */
class DkgTest {
    static List<SignerKey> identities(int n, String label) {
        List<SignerKey> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(TestKeys.signer(label + "-member" + i + ".example"));
        }
        return out;
    }

    static DkgConfig config(int m, List<SignerKey> ids, String label) {
        return new DkgConfig("federation.example/" + label, m, SessionId.random(new DeterministicRandom("session:" + label)),
                ids.stream().map(SignerKey::verifierKey).toList());
    }

    static List<NoteSigner> signers(List<SignerKey> ids) {
        return ids.stream().map(SignerKey::noteSigner).toList();
    }

    @Test
    void fiveOfNineDkgThenSigningVerifiesWithTheJdkAndAsASignedNote() throws Exception {
        List<SignerKey> ids = identities(9, "five-of-nine");
        DkgConfig config = config(5, ids, "five-of-nine");
        List<KeyShare> shares = LocalDkg.run(config, signers(ids), new DeterministicRandom("dkg-5-9"));
        GroupKey group = shares.get(0).group();
        for (KeyShare s : shares) {
            assertThat(s.group().id()).isEqualTo(group.id());
            assertThat(s.group().encode()).isEqualTo(group.encode());
        }
        assertThat(group.threshold()).isEqualTo(5);
        assertThat(group.members()).hasSize(9);
        assertThat(group.member(Identifier.of(4)).name()).isEqualTo(ids.get(3).name());
        assertThat(GroupKey.parse(group.encode())).isEqualTo(group);

        // Any M shares interpolate to the secret of the group key (only this test ever forms it);
        // M - 1 shares give something else.
        List<Identifier> five = List.of(Identifier.of(1), Identifier.of(3), Identifier.of(5), Identifier.of(8), Identifier.of(9));
        Scalar s = Polynomials.interpolateConstant(five, five.stream().map(i -> shares.get(i.value() - 1).secret(SecretAccess.grant())).toList());
        assertThat(Element.baseMultiply(s)).isEqualTo(group.publicKey());
        List<Identifier> four = five.subList(0, 4);
        Scalar t = Polynomials.interpolateConstant(four, four.stream().map(i -> shares.get(i.value() - 1).secret(SecretAccess.grant())).toList());
        assertThat(Element.baseMultiply(t)).isNotEqualTo(group.publicKey());

        byte[] msg = "federation.example/five-of-nine\njoin approved mixnode-42\n".getBytes(StandardCharsets.UTF_8);
        List<String> approvers = List.of(ids.get(1).name(), ids.get(2).name(), ids.get(4).name(), ids.get(6).name(), ids.get(8).name());
        Coordinator c = new Coordinator(group, msg, approvers, new DeterministicRandom("coord"));
        SigningAttempt a = c.attempt();
        List<ThresholdSigner> signing = new ArrayList<>();
        for (String name : approvers) {
            ThresholdSigner ts = new ThresholdSigner(shares.get(group.member(name).id().value() - 1), new InMemoryNonceStore(), new DeterministicRandom(name));
            signing.add(ts);
            a.addCommitment(ts.commit(a.session()));
        }
        SigningPackage pkg = a.signingPackage();
        for (ThresholdSigner ts : signing) {
            assertThat(a.addShare(ts.sign(pkg))).isTrue();
        }
        SigningAttempt.Signed signed = a.finish();
        Signature sig = signed.signature();

        assertThat(JdkEd25519.verify(group.publicKey().serialize().toArray(), msg, sig.encode().toArray())).isTrue();
        String text = new String(msg, StandardCharsets.UTF_8);
        byte[] note = new Note(text, List.of(group.noteSignature(sig))).encode();
        assertThat(Note.open(note, Verifiers.of(group.vkey().noteVerifier())).text()).isEqualTo(text);
        assertThat(signed.attestation().verify(group, msg)).extracting(GroupKey.Member::name).containsExactlyElementsOf(approvers);
    }

    /** Replaces round-two notes before the members finish. */
    private interface Tamper {
        void apply(DkgConfig config, List<SignerKey> ids, List<byte[]> round2);
    }

    private record Run(DkgConfig config, List<SignerKey> ids, List<byte[]> round1, List<byte[]> round2, List<DkgOutcome> outcomes) {}

    /** Runs a 2-of-3 DKG; {@code tamper} may replace round-two notes before the members finish. */
    private static Run run(String label, Tamper tamper) throws FrostException {
        List<SignerKey> ids = identities(3, label);
        DkgConfig config = config(2, ids, label);
        DeterministicRandom r = new DeterministicRandom(label);
        List<DkgParticipant> ps = new ArrayList<>();
        for (SignerKey k : ids) {
            ps.add(DkgParticipant.start(config, k.noteSigner(), r));
        }
        List<byte[]> round1 = ps.stream().map(DkgParticipant::round1).toList();
        List<byte[]> round2 = new ArrayList<>();
        for (DkgParticipant p : ps) {
            round2.add(p.round2(round1));
        }
        tamper.apply(config, ids, round2);
        List<DkgOutcome> outcomes = new ArrayList<>();
        for (DkgParticipant p : ps) {
            outcomes.add(p.finish(round2));
        }
        return new Run(config, ids, round1, round2, outcomes);
    }

    /** Member 2 re-signs its round-two note with one ciphertext byte flipped (a bad share for member 3). */
    private static void corruptShareFrom2To3(DkgConfig config, List<SignerKey> ids, List<byte[]> round2) {
        try {
            DkgRound2 honest = DkgRound2.open(round2.get(1), config);
            List<DkgRound2.EncryptedShare> shares = new ArrayList<>();
            for (DkgRound2.EncryptedShare s : honest.shares()) {
                byte[] c = s.ciphertext().toArray();
                if (s.to().value() == 3) {
                    c[0] ^= 1;
                }
                shares.add(new DkgRound2.EncryptedShare(s.to(), Bytes.wrap(c)));
            }
            byte[] text = new DkgRound2(honest.dkgId(), honest.member(), honest.transcript(), shares).encode();
            round2.set(1, DkgNotes.sign(text, ids.get(1).noteSigner()));
        } catch (FrostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDealerWhoseShareFailsIsNamedInAComplaintEveryoneCanCheck() throws Exception {
        Run run = run("cheat", DkgTest::corruptShareFrom2To3);
        assertThat(run.outcomes().get(0)).isInstanceOf(DkgOutcome.Completed.class);
        DkgOutcome.Complained complained = (DkgOutcome.Complained) run.outcomes().get(2);
        String dealer = run.ids().get(1).name();
        assertThat(complained.accused()).containsExactly(dealer);
        assertThat(complained.complaints()).hasSize(1);
        DkgJudge.Verdict v = DkgJudge.judge(run.config(), run.round1(), run.round2(), complained.complaints().get(0));
        assertThat(v.culprit()).isEqualTo(dealer);
        assertThat(v.reason()).contains(dealer, run.ids().get(2).name());
    }

    @Test
    void aFalseComplaintNamesTheAccuser() throws Exception {
        Run run = run("false-complaint", (c, i, r) -> {});
        SignerKey liar = run.ids().get(0);
        // Every share was fine; the liar cannot reveal a key that decrypts to a bad share, so it
        // reveals some other key, and the judge sees that it is not its round-one key.
        assertThat(run.outcomes()).allMatch(o -> o instanceof DkgOutcome.Completed);
        byte[] wrongKey = DkgNotes.sign(new DkgComplaint(run.config().id(), Identifier.of(1), Identifier.of(2), Scalar.ONE).encode(),
                liar.noteSigner());
        DkgJudge.Verdict v = DkgJudge.judge(run.config(), run.round1(), run.round2(), wrongKey);
        assertThat(v.culprit()).isEqualTo(liar.name());
        assertThat(v.reason()).contains("not its round-one key");
    }

    @Test
    void aFalseComplaintWithTheRealKeyAlsoNamesTheAccuser() throws Exception {
        List<SignerKey> ids = identities(3, "false2");
        DkgConfig config = config(2, ids, "false2");
        DeterministicRandom r = new DeterministicRandom("false2");
        List<DkgParticipant> ps = new ArrayList<>();
        for (SignerKey k : ids) {
            ps.add(DkgParticipant.start(config, k.noteSigner(), r));
        }
        List<byte[]> round1 = ps.stream().map(DkgParticipant::round1).toList();
        List<byte[]> round2 = new ArrayList<>();
        for (DkgParticipant p : ps) {
            round2.add(p.round2(round1));
        }
        // Member 3 receives a corrupted share from 2 and complains honestly; then we take its
        // revealed key to build a complaint by member 3 against member 1, whose share was fine.
        List<byte[]> bad = new ArrayList<>(round2);
        corruptShareFrom2To3(config, ids, bad);
        DkgOutcome.Complained honest = (DkgOutcome.Complained) ps.get(2).finish(bad);
        DkgComplaint c = DkgComplaint.open(honest.complaints().get(0), config);
        byte[] lie = DkgNotes.sign(new DkgComplaint(config.id(), c.accuser(), Identifier.of(1), c.decryptionKey()).encode(), ids.get(2).noteSigner());
        DkgJudge.Verdict v = DkgJudge.judge(config, round1, bad, lie);
        assertThat(v.culprit()).isEqualTo(ids.get(2).name());
        assertThat(v.reason()).contains("valid share");
    }

    @Test
    void roundOneWithoutAValidProofOfKnowledgeIsRefusedByName() throws Exception {
        List<SignerKey> ids = identities(3, "pok");
        DkgConfig config = config(2, ids, "pok");
        DeterministicRandom r = new DeterministicRandom("pok");
        List<DkgParticipant> ps = new ArrayList<>();
        for (SignerKey k : ids) {
            ps.add(DkgParticipant.start(config, k.noteSigner(), r));
        }
        List<byte[]> round1 = new ArrayList<>(ps.stream().map(DkgParticipant::round1).toList());
        DkgRound1 m = DkgRound1.open(round1.get(1), config);
        DkgRound1 forged = new DkgRound1(m.dkgId(), m.member(), m.commitment(), m.proofR(), m.proofMu().add(Scalar.ONE), m.encryptionKey());
        round1.set(1, DkgNotes.sign(forged.encode(), ids.get(1).noteSigner()));
        FrostException e = org.junit.jupiter.api.Assertions.assertThrows(FrostException.class, () -> ps.get(0).round2(round1));
        assertThat(e.kind()).isEqualTo(FrostException.Kind.INVALID_SHARE);
        assertThat(e.members()).containsExactly(ids.get(1).name());
    }

    @Test
    void missingForgedEquivocatedOrForeignMessagesAreRefused() throws Exception {
        List<SignerKey> ids = identities(3, "refuse");
        DkgConfig config = config(2, ids, "refuse");
        DkgConfig other = config(2, ids, "refuse-other");
        DeterministicRandom r = new DeterministicRandom("refuse");
        List<DkgParticipant> ps = new ArrayList<>();
        for (SignerKey k : ids) {
            ps.add(DkgParticipant.start(config, k.noteSigner(), r));
        }
        DkgParticipant stranger = DkgParticipant.start(other, ids.get(1).noteSigner(), r);
        List<byte[]> round1 = ps.stream().map(DkgParticipant::round1).toList();

        FrostException missing = org.junit.jupiter.api.Assertions.assertThrows(FrostException.class, () -> ps.get(0).round2(round1.subList(0, 2)));
        assertThat(missing.members()).containsExactly(ids.get(2).name());

        List<byte[]> foreign = List.of(round1.get(0), stranger.round1(), round1.get(2));
        assertThatThrownBy(() -> ps.get(0).round2(foreign)).hasMessageContaining("another DKG")
                .satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.WRONG_SESSION));

        DkgRound1 m2 = DkgRound1.open(round1.get(1), config);
        byte[] signedByWrongKey = DkgNotes.sign(m2.encode(), ids.get(2).noteSigner());
        assertThatThrownBy(() -> ps.get(0).round2(List.of(round1.get(0), signedByWrongKey, round1.get(2))))
                .satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.INVALID_SIGNATURE));

        byte[] equivocation = DkgNotes.sign(new DkgRound1(m2.dkgId(), m2.member(), m2.commitment(), m2.proofR(), m2.proofMu(),
                Element.baseMultiply(Scalar.ONE)).encode(), ids.get(1).noteSigner());
        FrostException twice = org.junit.jupiter.api.Assertions.assertThrows(FrostException.class,
                () -> ps.get(0).round2(List.of(round1.get(0), round1.get(1), equivocation, round1.get(2))));
        assertThat(twice.kind()).isEqualTo(FrostException.Kind.CONFLICT);
        assertThat(twice.members()).containsExactly(ids.get(1).name());

        // A split view: member 3 is shown the equivocated round one, the others the real one.
        List<byte[]> round2 = new ArrayList<>();
        round2.add(ps.get(0).round2(round1));
        round2.add(ps.get(1).round2(round1));
        List<byte[]> split = List.of(round1.get(0), equivocation, round1.get(2));
        round2.add(ps.get(2).round2(split));
        FrostException sv = org.junit.jupiter.api.Assertions.assertThrows(FrostException.class, () -> ps.get(0).finish(round2));
        assertThat(sv.kind()).isEqualTo(FrostException.Kind.WRONG_SESSION);
        assertThat(sv.members()).containsExactly(ids.get(2).name());
        assertThat(sv.getMessage()).contains("split view");
    }

    @Test
    void edgeThresholdsWork() throws Exception {
        for (int[] mn : new int[][] {{1, 2}, {3, 3}, {2, 2}}) {
            String label = "edge-" + mn[0] + "-" + mn[1];
            List<SignerKey> ids = identities(mn[1], label);
            List<KeyShare> shares = LocalDkg.run(config(mn[0], ids, label), signers(ids), new DeterministicRandom(label));
            GroupKey g = shares.get(0).group();
            assertThat(g.threshold()).isEqualTo(mn[0]);
            byte[] msg = (label + "\n").getBytes(StandardCharsets.UTF_8);
            Coordinator c = new Coordinator(g, msg, ids.subList(0, mn[0]).stream().map(SignerKey::name).toList(), new DeterministicRandom(label));
            SigningAttempt a = c.attempt();
            List<ThresholdSigner> ts = new ArrayList<>();
            for (int i = 0; i < mn[0]; i++) {
                ts.add(new ThresholdSigner(shares.get(i), new InMemoryNonceStore(), new DeterministicRandom(label + i)));
                a.addCommitment(ts.get(i).commit(a.session()));
            }
            SigningPackage pkg = a.signingPackage();
            for (ThresholdSigner t : ts) {
                a.addShare(t.sign(pkg));
            }
            assertThat(JdkEd25519.verify(g.publicKey().serialize().toArray(), msg, a.finish().signature().encode().toArray())).as(label).isTrue();
        }
    }

    @Test
    void roundsRunInOrderOnce() throws Exception {
        List<SignerKey> ids = identities(2, "order");
        DkgConfig config = config(2, ids, "order");
        DkgParticipant p = DkgParticipant.start(config, ids.get(0).noteSigner(), new DeterministicRandom("order"));
        assertThatThrownBy(() -> p.finish(List.of())).satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.WRONG_STATE));
        assertThatThrownBy(() -> DkgParticipant.start(config, TestKeys.signer("outsider.example").noteSigner(), new DeterministicRandom("o")))
                .satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.UNKNOWN_MEMBER));
    }
}

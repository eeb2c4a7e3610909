package dev.virex.crypto.frost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.Verifiers;
import dev.virex.testkit.DeterministicRandom;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The message-level signing API: signers, coordinator, identifiable abort, single-use nonces. */
class SigningTest {
    static final List<KeyShare> SHARES = TestGroups.dealt(3, 5, "signing");
    static final GroupKey GROUP = SHARES.get(0).group();
    static final byte[] MSG = "federation.test.example\njoin approved node-17\n".getBytes(StandardCharsets.UTF_8);

    /** Members by name, each with its own nonce store; every message crosses as bytes. */
    static final class Members {
        final Map<String, ThresholdSigner> signers = new HashMap<>();

        Members(List<KeyShare> shares, String label) {
            for (KeyShare s : shares) {
                signers.put(s.member().name(), new ThresholdSigner(s, new InMemoryNonceStore(), new DeterministicRandom(label + s.id())));
            }
        }

        ThresholdSigner get(String name) {
            return signers.get(name);
        }

        /** Runs one attempt to the end over encoded messages; {@code tamper} may alter shares. */
        SigningAttempt.Signed run(SigningAttempt attempt, java.util.function.UnaryOperator<ShareMessage> tamper) throws FrostException {
            for (String name : attempt.invited()) {
                byte[] wire = get(name).commit(attempt.session()).encode();
                attempt.addCommitment(CommitmentMessage.parse(wire));
            }
            byte[] pkg = attempt.signingPackage().encode();
            for (Identifier id : SigningPackage.parse(pkg).signers()) {
                ShareMessage share = get(GROUP.member(id).name()).sign(SigningPackage.parse(pkg));
                attempt.addShare(ShareMessage.parse(tamper.apply(share).encode()));
            }
            return attempt.finish();
        }
    }

    static List<String> names(int... ids) {
        List<String> out = new ArrayList<>();
        for (int i : ids) {
            out.add(TestGroups.memberName(i));
        }
        return out;
    }

    @Test
    void approversSignAndTheResultIsAPlainEd25519Signature() throws Exception {
        Members members = new Members(SHARES, "plain");
        Coordinator c = new Coordinator(GROUP, MSG, names(1, 3, 4, 5), new DeterministicRandom("coord"));
        SigningAttempt.Signed signed = members.run(c.attempt(), s -> s);
        Bytes sig = signed.signature().encode();
        assertThat(JdkEd25519.verify(GROUP.publicKey().serialize().toArray(), MSG, sig.toArray())).isTrue();
        assertThat(Signature.verify(GROUP.publicKey(), MSG, sig)).isTrue();
        assertThat(signed.attestation().signerNames()).containsExactlyElementsOf(names(1, 3, 4, 5));
        assertThat(signed.attestation().verify(GROUP, MSG)).extracting(GroupKey.Member::name).containsExactlyElementsOf(names(1, 3, 4, 5));
    }

    @Test
    void aSignedNoteUnderTheGroupVkeyOpensWithAStandardVerifier() throws Exception {
        Members members = new Members(SHARES, "note");
        Coordinator c = new Coordinator(GROUP, MSG, names(2, 4, 5), new DeterministicRandom("coord-note"));
        Signature sig = members.run(c.attempt(), s -> s).signature();
        String text = new String(MSG, StandardCharsets.UTF_8);
        byte[] note = new Note(text, List.of(new NoteSignature(GROUP.vkey().name(), GROUP.vkey().keyId(), sig.encode()))).encode();
        VerifiedNote opened = Note.open(note, Verifiers.of(GROUP.vkey().noteVerifier()));
        assertThat(opened.text()).isEqualTo(text);
        assertThat(GROUP.noteSignature(sig)).isEqualTo(opened.verified().get(0));
    }

    @Test
    void aBadShareIsNamedAndTheRetryCompletesWithTheHonestMembers() throws Exception {
        Members members = new Members(SHARES, "abort");
        Coordinator c = new Coordinator(GROUP, MSG, names(1, 2, 3, 4), new DeterministicRandom("coord-abort"));
        String cheater = TestGroups.memberName(2);
        FrostException e = org.junit.jupiter.api.Assertions.assertThrows(FrostException.class, () -> members.run(c.attempt(),
                s -> s.member().value() == 2 ? new ShareMessage(s.groupId(), s.session(), new SignatureShare(s.member(), s.share().share().add(Scalar.ONE))) : s));
        assertThat(e.kind()).isEqualTo(FrostException.Kind.INVALID_SHARE);
        assertThat(e.members()).containsExactly(cheater);
        assertThat(e.getMessage()).contains(cheater);
        SigningAttempt retry = c.retryWithout(e.members());
        assertThat(retry.invited()).containsExactlyElementsOf(names(1, 3, 4));
        SigningAttempt.Signed signed = members.run(retry, s -> s);
        assertThat(Signature.verify(GROUP.publicKey(), MSG, signed.signature().encode())).isTrue();
        assertThat(signed.attestation().signerNames()).doesNotContain(cheater);
        assertThat(c.attempts()).isEqualTo(2);
        // Another failure would leave fewer than M: the coordinator says so and names who is out.
        FrostException out = org.junit.jupiter.api.Assertions.assertThrows(FrostException.class, () -> c.retryWithout(names(3)));
        assertThat(out.kind()).isEqualTo(FrostException.Kind.NOT_ENOUGH_SIGNERS);
        assertThat(out.members()).containsExactlyInAnyOrder(cheater, TestGroups.memberName(3));
    }

    @Test
    void fewerThanMCannotProduceAValidSignature() throws Exception {
        assertThatThrownBy(() -> new Coordinator(GROUP, MSG, names(1, 2), new SecureRandom()))
                .isInstanceOf(FrostException.class).hasMessageContaining("needs 3");
        // The coordinator refuses to issue a package below M ...
        Members members = new Members(SHARES, "few");
        Coordinator c = new Coordinator(GROUP, MSG, names(1, 2, 3), new DeterministicRandom("coord-few"));
        SigningAttempt a = c.attempt();
        a.addCommitment(members.get(names(1).get(0)).commit(a.session()));
        a.addCommitment(members.get(names(2).get(0)).commit(a.session()));
        assertThat(a.missingCommitments()).containsExactlyElementsOf(names(3));
        assertThatThrownBy(a::signingPackage).isInstanceOf(FrostException.class)
                .satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.NOT_ENOUGH_SIGNERS));
        // ... signers refuse one ...
        List<SigningCommitment> two = new ArrayList<>();
        SessionId s = SessionId.random(new DeterministicRandom("s-few"));
        two.add(members.get(names(1).get(0)).commit(s).commitment());
        two.add(members.get(names(2).get(0)).commit(s).commitment());
        SigningPackage pkg = new SigningPackage(GROUP.id(), s, Bytes.of(MSG), two);
        assertThatThrownBy(() -> members.get(names(1).get(0)).sign(pkg)).isInstanceOf(FrostException.class)
                .satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.NOT_ENOUGH_SIGNERS));
        // ... and the arithmetic itself fails: M - 1 honest shares aggregate to an invalid signature.
        List<SigningNonces> nonces = List.of(
                SigningNonces.commit(Identifier.of(1), SHARES.get(0).secret(SecretAccess.grant()), new DeterministicRandom("a")),
                SigningNonces.commit(Identifier.of(2), SHARES.get(1).secret(SecretAccess.grant()), new DeterministicRandom("b")));
        SigningContext few = SigningContext.of(GROUP.publicKey(), nonces.stream().map(SigningNonces::commitment).toList(), MSG);
        List<SignatureShare> shares = List.of(
                few.sign(Identifier.of(1), SHARES.get(0).secret(SecretAccess.grant()), nonces.get(0), SecretAccess.grant()),
                few.sign(Identifier.of(2), SHARES.get(1).secret(SecretAccess.grant()), nonces.get(1), SecretAccess.grant()));
        assertThat(few.aggregate(shares).verify(GROUP.publicKey(), MSG)).isFalse();
    }

    @Test
    void noncesAreSingleUse() throws Exception {
        ThresholdSigner alice = new ThresholdSigner(SHARES.get(0), new InMemoryNonceStore(), new DeterministicRandom("alice"));
        ThresholdSigner bob = new ThresholdSigner(SHARES.get(1), new InMemoryNonceStore(), new DeterministicRandom("bob"));
        ThresholdSigner carol = new ThresholdSigner(SHARES.get(2), new InMemoryNonceStore(), new DeterministicRandom("carol"));
        SessionId s = SessionId.random(new DeterministicRandom("single"));
        List<SigningCommitment> list = List.of(alice.commit(s).commitment(), bob.commit(s).commitment(), carol.commit(s).commitment());
        assertThatThrownBy(() -> alice.commit(s)).hasMessageContaining("already committed")
                .satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.NONCE_REUSED));
        SigningPackage pkg = new SigningPackage(GROUP.id(), s, Bytes.of(MSG), list);
        alice.sign(pkg);
        // The same package again (a replay), or another message with the same commitments: refused.
        assertThatThrownBy(() -> alice.sign(pkg)).satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.NONCE_REUSED));
        SigningPackage other = new SigningPackage(GROUP.id(), s, Bytes.of("another message\n".getBytes(StandardCharsets.UTF_8)), list);
        assertThatThrownBy(() -> alice.sign(other)).hasMessageContaining("already used");
        assertThatThrownBy(() -> alice.commit(s)).isInstanceOf(FrostException.class);
    }

    @Test
    void aPackageWithAForeignCommitmentForTheSignerBurnsItsNonces() throws Exception {
        ThresholdSigner alice = new ThresholdSigner(SHARES.get(0), new InMemoryNonceStore(), new DeterministicRandom("alice2"));
        SessionId s = SessionId.random(new DeterministicRandom("foreign"));
        alice.commit(s);
        List<SigningCommitment> forged = List.of(
                SigningNonces.commit(Identifier.of(1), Scalar.ONE, new DeterministicRandom("x")).commitment(),
                SigningNonces.commit(Identifier.of(2), Scalar.ONE, new DeterministicRandom("y")).commitment(),
                SigningNonces.commit(Identifier.of(3), Scalar.ONE, new DeterministicRandom("z")).commitment());
        SigningPackage pkg = new SigningPackage(GROUP.id(), s, Bytes.of(MSG), forged);
        assertThatThrownBy(() -> alice.sign(pkg)).satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.CONFLICT));
        assertThatThrownBy(() -> alice.sign(pkg)).satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.NONCE_REUSED));
    }

    @Test
    void mixedSessionAndUninvitedMessagesAreRefused() throws Exception {
        Members members = new Members(SHARES, "mixed");
        Coordinator c1 = new Coordinator(GROUP, MSG, names(1, 2, 3), new DeterministicRandom("c1"));
        Coordinator c2 = new Coordinator(GROUP, MSG, names(1, 2, 3), new DeterministicRandom("c2"));
        SigningAttempt a1 = c1.attempt();
        SigningAttempt a2 = c2.attempt();
        CommitmentMessage m = members.get(names(1).get(0)).commit(a1.session());
        assertThatThrownBy(() -> a2.addCommitment(m)).hasMessageContaining("session")
                .satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.WRONG_SESSION));
        CommitmentMessage uninvited = members.get(names(5).get(0)).commit(a1.session());
        assertThatThrownBy(() -> a1.addCommitment(uninvited)).satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.UNKNOWN_MEMBER));
        a1.addCommitment(m);
        a1.addCommitment(m); // the same message twice is harmless
        CommitmentMessage changed = new CommitmentMessage(GROUP.id(), a1.session(), new SigningCommitment(Identifier.of(1), uninvited.commitment().hiding(), uninvited.commitment().binding()));
        assertThatThrownBy(() -> a1.addCommitment(changed)).satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.CONFLICT));
        List<KeyShare> otherGroup = TestGroups.dealt(3, 5, "other");
        CommitmentMessage foreign = new ThresholdSigner(otherGroup.get(1), new InMemoryNonceStore(), new SecureRandom()).commit(a1.session());
        assertThatThrownBy(() -> a1.addCommitment(foreign)).hasMessageContaining("another group");
        a1.addCommitment(members.get(names(2).get(0)).commit(a1.session()));
        a1.addCommitment(members.get(names(3).get(0)).commit(a1.session()));
        SigningPackage pkg = a1.signingPackage();
        ShareMessage share = members.get(names(1).get(0)).sign(pkg);
        assertThatThrownBy(() -> a2.addShare(share)).satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.WRONG_SESSION));
        assertThat(a1.addShare(share)).isTrue();
        ShareMessage twisted = new ShareMessage(share.groupId(), share.session(), new SignatureShare(share.member(), Scalar.ONE));
        assertThatThrownBy(() -> a1.addShare(twisted)).satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.CONFLICT));
        assertThatThrownBy(a1::finish).satisfies(x -> assertThat(((FrostException) x).members()).containsExactlyElementsOf(names(2, 3)));
        ThresholdSigner foreignSigner = new ThresholdSigner(otherGroup.get(0), new InMemoryNonceStore(), new SecureRandom());
        assertThatThrownBy(() -> foreignSigner.sign(pkg)).satisfies(x -> assertThat(((FrostException) x).kind()).isEqualTo(FrostException.Kind.WRONG_SESSION));
    }

    @Test
    void theNonceStoreIsBounded() throws Exception {
        InMemoryNonceStore store = new InMemoryNonceStore(2, 2);
        DeterministicRandom r = new DeterministicRandom("bounded");
        SessionId[] s = {SessionId.random(r), SessionId.random(r), SessionId.random(r)};
        for (SessionId id : s) {
            store.put(GROUP.id(), id, SigningNonces.commit(Identifier.of(1), Scalar.ONE, r));
        }
        assertThat(store.pending()).isEqualTo(2);
        assertThat(store.take(GROUP.id(), s[0])).isEmpty();
        assertThat(store.take(GROUP.id(), s[2])).isPresent();
        assertThat(store.take(GROUP.id(), s[2])).isEmpty();
    }
}

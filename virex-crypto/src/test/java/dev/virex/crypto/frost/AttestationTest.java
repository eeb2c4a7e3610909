package dev.virex.crypto.frost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.testkit.DeterministicRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An auditor's view: an attestation verifies against the group, and every forgery is named. */
class AttestationTest {
    static final List<KeyShare> SHARES = TestGroups.dealt(3, 5, "attestation");
    static final GroupKey GROUP = SHARES.get(0).group();
    static final byte[] MSG = "federation.test.example\nnode removed node-9\n".getBytes(StandardCharsets.UTF_8);
    static Attestation att;

    @BeforeAll
    static void sign() throws Exception {
        SigningTest.Members members = new SigningTest.Members(SHARES, "att");
        Coordinator c = new Coordinator(GROUP, MSG, SigningTest.names(1, 2, 4, 5), new DeterministicRandom("att-coord"));
        att = members.run(c.attempt(), s -> s).attestation();
    }

    static FrostException.Kind kind(ThrowingRunnable r) {
        try {
            r.run();
        } catch (FrostException e) {
            return e.kind();
        }
        throw new AssertionError("no FrostException");
    }

    interface ThrowingRunnable {
        void run() throws FrostException;
    }

    @Test
    void itNamesExactlyTheMembersWhoSigned() throws Exception {
        Attestation parsed = Attestation.parse(att.encode());
        assertThat(parsed).isEqualTo(att);
        assertThat(parsed.verify(GROUP, MSG)).extracting(GroupKey.Member::name).containsExactlyElementsOf(SigningTest.names(1, 2, 4, 5));
        assertThat(JdkEd25519.verify(GROUP.publicKey().serialize().toArray(), MSG, att.signature().toArray())).isTrue();
    }

    @Test
    void anAlteredShareIsNamed() {
        List<Attestation.Signer> signers = new ArrayList<>(att.signers());
        Attestation.Signer s = signers.get(1);
        signers.set(1, new Attestation.Signer(s.commitment(), s.name(), s.share().add(Scalar.ONE)));
        Attestation forged = new Attestation(att.groupId(), att.messageDigest(), att.signature(), signers);
        FrostException e = org.junit.jupiter.api.Assertions.assertThrows(FrostException.class, () -> forged.verify(GROUP, MSG));
        assertThat(e.kind()).isEqualTo(FrostException.Kind.INVALID_SHARE);
        assertThat(e.members()).containsExactly(s.name());
    }

    @Test
    void sharesShiftedBetweenTwoSignersKeepTheSumButAreCaught() {
        // Two colluders move a delta from one share to another: the aggregate is unchanged, but
        // each share no longer verifies against its member's verifying share.
        List<Attestation.Signer> signers = new ArrayList<>(att.signers());
        Attestation.Signer a = signers.get(0);
        Attestation.Signer b = signers.get(2);
        Scalar delta = Scalar.of(42);
        signers.set(0, new Attestation.Signer(a.commitment(), a.name(), a.share().add(delta)));
        signers.set(2, new Attestation.Signer(b.commitment(), b.name(), b.share().subtract(delta)));
        Attestation forged = new Attestation(att.groupId(), att.messageDigest(), att.signature(), signers);
        FrostException e = org.junit.jupiter.api.Assertions.assertThrows(FrostException.class, () -> forged.verify(GROUP, MSG));
        assertThat(e.members()).containsExactly(a.name(), b.name());
    }

    @Test
    void everyOtherMismatchIsRefused() throws Exception {
        assertThat(kind(() -> att.verify(GROUP, "other\n".getBytes(StandardCharsets.UTF_8)))).isEqualTo(FrostException.Kind.WRONG_SESSION);
        assertThat(kind(() -> att.verify(TestGroups.dealt(3, 5, "elsewhere").get(0).group(), MSG))).isEqualTo(FrostException.Kind.WRONG_SESSION);
        List<Attestation.Signer> renamed = new ArrayList<>(att.signers());
        Attestation.Signer s = renamed.get(0);
        renamed.set(0, new Attestation.Signer(s.commitment(), "impostor.example", s.share()));
        assertThat(kind(() -> new Attestation(att.groupId(), att.messageDigest(), att.signature(), renamed).verify(GROUP, MSG)))
                .isEqualTo(FrostException.Kind.UNKNOWN_MEMBER);
        Attestation two = new Attestation(att.groupId(), att.messageDigest(), att.signature(), att.signers().subList(0, 2));
        assertThat(kind(() -> two.verify(GROUP, MSG))).isEqualTo(FrostException.Kind.NOT_ENOUGH_SIGNERS);
        // Dropping one of four signers leaves three valid-looking entries, but the Lagrange
        // coefficients change: the shares no longer verify.
        Attestation three = new Attestation(att.groupId(), att.messageDigest(), att.signature(), att.signers().subList(0, 3));
        assertThat(kind(() -> three.verify(GROUP, MSG))).isEqualTo(FrostException.Kind.INVALID_SHARE);
        byte[] sig = att.signature().toArray();
        sig[63] ^= 1;
        Attestation wrongSig = new Attestation(att.groupId(), att.messageDigest(), Bytes.wrap(sig), att.signers());
        assertThat(kind(() -> wrongSig.verify(GROUP, MSG))).isEqualTo(FrostException.Kind.INVALID_SIGNATURE);
    }

    @Test
    void theEncodingIsCompactAndCanonical() throws Exception {
        byte[] enc = att.encode();
        assertThat(enc.length).isLessThan(1000);
        String text = new String(enc, StandardCharsets.UTF_8);
        assertThat(text).startsWith("virex-frost-attestation/v1\n").contains("\nsigner 4 " + TestGroups.memberName(4) + " ");
        assertThat(kind(() -> Attestation.parse((text + "signer 6 x.example a b c\n").getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(FrostException.Kind.MALFORMED);
        assertThat(kind(() -> Attestation.parse(new byte[Attestation.MAX_BYTES + 1]))).isEqualTo(FrostException.Kind.TOO_LARGE);
    }
}

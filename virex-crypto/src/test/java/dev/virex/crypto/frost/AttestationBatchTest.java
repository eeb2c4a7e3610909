package dev.virex.crypto.frost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cafe.cryptography.curve25519.EdwardsPoint;
import dev.virex.core.Bytes;
import dev.virex.testkit.DeterministicRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttestationBatchTest {
    static final List<KeyShare> SHARES = TestGroups.dealt(3, 5, "batch");
    static final GroupKey GROUP = SHARES.get(0).group();
    static final DeterministicRandom RANDOM = new DeterministicRandom("batch-weights");

    record Signed(byte[] message, SigningAttempt.Signed signed) {
        Bytes sig() {
            return signed.signature().encode();
        }

        byte[] att() {
            return signed.attestation().encode();
        }
    }

    static Signed sign(String text, int... members) throws Exception {
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (int i : members) {
            names.add(TestGroups.memberName(i));
        }
        SigningAttempt a = new Coordinator(GROUP, msg, names, new DeterministicRandom("c" + text)).attempt();
        List<ThresholdSigner> ts = new ArrayList<>();
        for (int i : members) {
            ThresholdSigner t = new ThresholdSigner(SHARES.get(i - 1), new InMemoryNonceStore(), new DeterministicRandom("s" + i + text));
            ts.add(t);
            a.addCommitment(t.commit(a.session()));
        }
        SigningPackage pkg = a.signingPackage();
        for (ThresholdSigner t : ts) {
            a.addShare(t.sign(pkg));
        }
        return new Signed(msg, a.finish());
    }

    static final List<Signed> GOOD = good();

    static List<Signed> good() {
        try {
            List<Signed> out = new ArrayList<>();
            int[][] sets = {{1, 2, 3}, {2, 4, 5}, {1, 3, 5}, {1, 2, 3, 4}, {1, 2, 3, 4, 5}};
            for (int i = 0; i < 10; i++) {
                out.add(sign("decision " + i, sets[i % sets.length]));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static AttestationBatch batchOf(List<Signed> all) throws FrostException {
        AttestationBatch b = new AttestationBatch(GROUP, RANDOM);
        for (Signed s : all) {
            b.add(s.att(), s.message(), s.sig());
        }
        return b;
    }

    @Test
    void validAttestationsPassTogetherAndEachOnItsOwn() throws Exception {
        AttestationBatch b = batchOf(GOOD);
        assertThat(b.size()).isEqualTo(10);
        assertThat(b.verify()).isTrue();
        assertThat(b.size()).isZero();
        for (Signed s : GOOD) {
            assertThat(batchOf(List.of(s)).verify()).isTrue();
            s.signed().attestation().verify(GROUP, s.message()); // the strict check agrees
        }
    }

    /** The attestation with its signers replaced; the logged signature stays. */
    static byte[] withSigners(Signed s, List<Attestation.Signer> signers) {
        Attestation a = s.signed().attestation();
        return new Attestation(a.groupId(), a.messageDigest(), a.signature(), signers).encode();
    }

    @Test
    void oneBadShareAmongManyFailsTheBatch() throws Exception {
        Signed victim = GOOD.get(3);
        List<Attestation.Signer> s = new ArrayList<>(victim.signed().attestation().signers());
        // Swap two shares: the sum (z) is unchanged, two share equations are now false.
        Attestation.Signer x = s.get(0);
        Attestation.Signer y = s.get(1);
        s.set(0, new Attestation.Signer(x.commitment(), x.name(), y.share()));
        s.set(1, new Attestation.Signer(y.commitment(), y.name(), x.share()));
        AttestationBatch b = batchOf(GOOD);
        b.add(withSigners(victim, s), victim.message(), victim.sig());
        assertThat(b.verify()).isFalse();
        assertThatThrownBy(() -> Attestation.parse(withSigners(victim, s)).verify(GROUP, victim.message()))
                .isInstanceOf(FrostException.class);
        // The batch starts afresh after verify.
        assertThat(batchOf(GOOD.subList(0, 2)).verify()).isTrue();
    }

    @Test
    void aChangedShareOrCommitmentFails() throws Exception {
        Signed v = GOOD.get(0);
        List<Attestation.Signer> s = new ArrayList<>(v.signed().attestation().signers());
        Attestation.Signer x = s.get(2);
        s.set(2, new Attestation.Signer(x.commitment(), x.name(), x.share().add(Scalar.ONE)));
        AttestationBatch b = new AttestationBatch(GROUP, RANDOM);
        b.add(withSigners(v, s), v.message(), v.sig());
        assertThat(b.verify()).isFalse();

        List<Attestation.Signer> c = new ArrayList<>(v.signed().attestation().signers());
        Attestation.Signer first = c.get(0);
        Element other = Element.baseMultiply(Scalar.of(12345));
        c.set(0, new Attestation.Signer(new SigningCommitment(first.id(), other, first.commitment().binding()), first.name(), first.share()));
        b.add(withSigners(v, c), v.message(), v.sig());
        assertThat(b.verify()).isFalse();
    }

    @Test
    void structuralFailuresAreRefusedWhenAdded() throws Exception {
        Signed v = GOOD.get(1);
        AttestationBatch b = new AttestationBatch(GROUP, RANDOM);
        assertThatThrownBy(() -> b.add(v.att(), "another message".getBytes(StandardCharsets.UTF_8), v.sig()))
                .satisfies(e -> assertThat(((FrostException) e).kind()).isEqualTo(FrostException.Kind.WRONG_SESSION));
        List<Attestation.Signer> two = v.signed().attestation().signers().subList(0, 2);
        assertThatThrownBy(() -> b.add(withSigners(v, two), v.message(), v.sig()))
                .satisfies(e -> assertThat(((FrostException) e).kind()).isEqualTo(FrostException.Kind.NOT_ENOUGH_SIGNERS));
        List<Attestation.Signer> renamed = new ArrayList<>(v.signed().attestation().signers());
        Attestation.Signer r = renamed.get(0);
        renamed.set(0, new Attestation.Signer(r.commitment(), "mallory.test.example", r.share()));
        assertThatThrownBy(() -> b.add(withSigners(v, renamed), v.message(), v.sig()))
                .satisfies(e -> assertThat(((FrostException) e).kind()).isEqualTo(FrostException.Kind.UNKNOWN_MEMBER));
        assertThatThrownBy(() -> b.add("junk\n".getBytes(StandardCharsets.UTF_8), v.message(), v.sig())).isInstanceOf(FrostException.class);
        assertThat(b.size()).isZero();
    }

    @Test
    void theMultiScalarSumEqualsTheNaiveOne() {
        DeterministicRandom r = new DeterministicRandom("msm");
        for (int n : new int[] {1, 2, 7, 33, 300}) {
            List<Scalar> s = new ArrayList<>();
            List<Element> p = new ArrayList<>();
            Element naive = Element.IDENTITY;
            for (int i = 0; i < n; i++) {
                Scalar k = Scalar.random(r);
                Element q = Element.baseMultiply(Scalar.random(r));
                s.add(k);
                p.add(q);
                naive = naive.add(q.multiply(k));
            }
            EdwardsPoint sum = Msm.sum(s, p);
            assertThat(sum.ctEquals(naive.point())).as("n = " + n).isEqualTo(1);
        }
    }
}

package dev.virex.bench;

import dev.virex.core.Bytes;
import dev.virex.core.note.Ed25519;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.dkg.LocalDkg;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SessionId;
import dev.virex.crypto.frost.Signature;
import dev.virex.crypto.frost.SignatureShare;
import dev.virex.crypto.frost.SigningContext;
import dev.virex.crypto.frost.SigningNonces;
import dev.virex.crypto.frost.SigningPackage;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * FROST(Ed25519, SHA-512) signing costs against one plain Ed25519 signature (the baseline): a
 * signer's round two (parse and validate the signing package, then compute its share), the
 * coordinator's aggregation (verify every share, aggregate, verify the signature), for 3-of-5,
 * 5-of-9 and 10-of-15 groups made by the DKG; and one share verification.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FrostBench {
    static final byte[] MESSAGE = ("federation.example/virex\njoin approved\nnode mixnode-0042\n"
            + "key AXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX=\nregion eu-west\n").getBytes(StandardCharsets.UTF_8);

    /** One Ed25519 key, for the baseline. */
    @State(Scope.Thread)
    public static class Baseline {
        byte[] seed;

        @Setup
        public void setup() {
            seed = SignerKey.generate("bench.example", new SecureRandom()).seed(SecretAccess.grant()).toArray();
        }
    }

    /** A DKG-made group with M signers' round one done. */
    @State(Scope.Thread)
    public static class Group {
        @Param({"3-of-5", "5-of-9", "10-of-15"})
        public String group;

        GroupKey key;
        List<KeyShare> signers;
        List<SigningNonces> nonces;
        byte[] packageBytes;
        SigningPackage pkg;
        List<SignatureShare> shares;

        @Setup(Level.Trial)
        public void setup() throws FrostException {
            String[] mn = group.split("-of-");
            setup(Integer.parseInt(mn[0]), Integer.parseInt(mn[1]));
        }

        void setup(int m, int n) throws FrostException {
            SecureRandom random = new SecureRandom();
            List<SignerKey> ids = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                ids.add(SignerKey.generate("member" + i + ".bench.example", random));
            }
            DkgConfig config = new DkgConfig("bench.example/federation", m, SessionId.random(random), ids.stream().map(SignerKey::verifierKey).toList());
            List<KeyShare> all = LocalDkg.run(config, ids.stream().map(SignerKey::noteSigner).toList(), random);
            key = all.get(0).group();
            signers = all.subList(0, m);
            nonces = new ArrayList<>();
            for (KeyShare s : signers) {
                nonces.add(SigningNonces.commit(s.id(), s.secret(SecretAccess.grant()), random));
            }
            pkg = new SigningPackage(key.id(), SessionId.random(random), Bytes.of(MESSAGE), nonces.stream().map(SigningNonces::commitment).toList());
            packageBytes = pkg.encode();
            SigningContext ctx = pkg.context(key);
            shares = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                shares.add(ctx.sign(signers.get(i).id(), signers.get(i).secret(SecretAccess.grant()), nonces.get(i), SecretAccess.grant()));
            }
        }
    }

    /** A 5-of-9 group, for the per-share figure. */
    @State(Scope.Thread)
    public static class ShareVerify {
        Group g;
        SigningContext ctx;

        @Setup(Level.Trial)
        public void setup() throws FrostException {
            g = new Group();
            g.setup(5, 9);
            ctx = g.pkg.context(g.key);
        }
    }

    @Benchmark
    public byte[] baselineEd25519Sign(Baseline b) {
        return Ed25519.sign(b.seed, MESSAGE);
    }

    /** One signer's round two: parse and validate the package (RFC 9591 5.2), compute the share. */
    @Benchmark
    public SignatureShare signRound2(Group g) throws FrostException {
        SigningPackage p = SigningPackage.parse(g.packageBytes);
        KeyShare me = g.signers.get(0);
        return p.context(g.key).sign(me.id(), me.secret(SecretAccess.grant()), g.nonces.get(0), SecretAccess.grant());
    }

    /** The coordinator: verify every share, aggregate, check the signature (RFC 9591 5.3). */
    @Benchmark
    public Signature aggregate(Group g) throws FrostException {
        SigningContext ctx = g.pkg.context(g.key);
        for (SignatureShare s : g.shares) {
            if (!ctx.verifyShare(s, g.key.member(s.id()).verifyingShare())) {
                throw new IllegalStateException("bad share");
            }
        }
        Signature sig = ctx.aggregate(g.shares);
        if (!sig.verify(g.key.publicKey(), MESSAGE)) {
            throw new IllegalStateException("bad signature");
        }
        return sig;
    }

    /** verify_signature_share (RFC 9591 5.3) of one share, the signing context already derived. */
    @Benchmark
    public boolean verifyShare(ShareVerify v) throws FrostException {
        SignatureShare s = v.g.shares.get(2);
        return v.ctx.verifyShare(s, v.g.key.member(s.id()).verifyingShare());
    }
}

package dev.virex.bench;

import dev.virex.core.note.Ed25519;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.Verifiers;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Note signature verification: the JDK's SunEC Ed25519 (baseline) against BouncyCastle's, which the
 * core uses on hot paths, and a whole {@code Note.open} (parse plus one verification).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NoteVerifyBench {
    private byte[] text;
    private byte[] signature;
    private byte[] note;
    private Signature jdk;
    private PublicKey jdkKey;
    private Ed25519.PublicKey bcKey;
    private Verifiers verifiers;

    @Setup
    public void setup() throws GeneralSecurityException {
        SignerKey key = SignerKey.generate("bench.example/log", new SecureRandom());
        String t = "bench.example/log\n123456789\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        text = t.getBytes(StandardCharsets.UTF_8);
        signature = Ed25519.sign(key.seed(SecretAccess.grant()).toArray(), text);
        note = Note.sign(t, key.noteSigner()).encode();
        bcKey = Ed25519.publicKey(key.verifierKey().publicKey());
        jdkKey = jdkPublicKey(key.verifierKey().publicKey().toArray());
        jdk = Signature.getInstance("Ed25519");
        verifiers = Verifiers.of(key.verifierKey().noteVerifier());
    }

    @Benchmark
    public boolean baselineJdkSunEcVerify() throws GeneralSecurityException {
        jdk.initVerify(jdkKey);
        jdk.update(text);
        return jdk.verify(signature);
    }

    @Benchmark
    public boolean bouncyCastleVerify() {
        return bcKey.verify(text, signature);
    }

    @Benchmark
    public VerifiedNote noteOpen() throws NoteException {
        return Note.open(note, verifiers);
    }

    static PublicKey jdkPublicKey(byte[] le) throws GeneralSecurityException {
        byte[] raw = le.clone();
        boolean xOdd = (raw[31] & 0x80) != 0;
        raw[31] &= 0x7f;
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = raw[31 - i];
        }
        return KeyFactory.getInstance("Ed25519").generatePublic(
                new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, be))));
    }
}

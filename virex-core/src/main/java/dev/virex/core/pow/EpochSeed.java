package dev.virex.core.pow;

import dev.virex.core.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * The PoW seed of one epoch. It is derived from the signature on that epoch's beacon (a
 * federation decision, threshold-signed), so nobody can compute it, nor any solution bound to it,
 * before the beacon is signed (docs/spec/pow.md, "Epoch seeds"):
 *
 * <pre>seed = SHA-256("virex/pow-seed/v1" || 0x00 || uint64_be(epoch) || beacon signature)</pre>
 *
 * <p>A seed is current during [start, start + length) and accepted as the previous seed for one
 * more length; then it expires and the replay memory for it is dropped.
 */
public record EpochSeed(long epoch, Bytes seed, Instant start, Duration length) {
    public static final int SEED_BYTES = 32;
    static final byte[] DOMAIN = "virex/pow-seed/v1\0".getBytes(StandardCharsets.US_ASCII);

    public EpochSeed {
        if (epoch < 0) {
            throw new IllegalArgumentException("negative epoch");
        }
        if (seed.length() != SEED_BYTES) {
            throw new IllegalArgumentException("seed must be 32 bytes");
        }
        if (length.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("epoch length must be at least one second");
        }
    }

    /** The seed of {@code epoch} from the signature on its beacon. */
    public static EpochSeed fromBeaconSignature(long epoch, Instant start, Duration length, Bytes signature) {
        return new EpochSeed(epoch, derive(epoch, signature), start, length);
    }

    /**
     * The one seed derivation of VIREX, used by mixnodes and by the federation's directory fold
     * alike: SHA-256("virex/pow-seed/v1" || 0x00 || uint64_be(epoch) || beacon signature).
     */
    public static Bytes derive(long epoch, Bytes signature) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(DOMAIN);
            sha.update(ByteBuffer.allocate(8).putLong(epoch).array());
            sha.update(signature.toArray());
            return Bytes.wrap(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 8 bytes of the seed, big-endian: how a solution names its seed on the wire. */
    public long head() {
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (seed.get(i) & 0xff);
        }
        return h;
    }

    public Instant end() {
        return start.plus(length);
    }

    /** When this seed stops being accepted (as the previous seed). */
    public Instant expiry() {
        return start.plus(length.multipliedBy(2));
    }
}

package dev.virex.core.pow;

import dev.virex.core.Bytes;
import dev.virex.core.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A stand-in for the federation's epoch beacon: one local key signs a beacon text per epoch and
 * the seed is derived from that signature exactly as from a federation beacon
 * ({@link EpochSeed#fromBeaconSignature}). Epoch n covers [genesis + n * length, genesis + (n+1) *
 * length). Unlike a threshold-signed beacon, the holder of this key can compute future seeds; the
 * log-backed source removes that.
 */
public final class LocalEpochBeacon implements EpochSeedSource {
    private final Instant genesis;
    private final Duration length;
    private final NoteSigner signer;
    private volatile EpochSeeds cached;

    public LocalEpochBeacon(Instant genesis, Duration length, NoteSigner signer) {
        if (length.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("epoch length must be at least one second");
        }
        this.genesis = genesis;
        this.length = length;
        this.signer = signer;
    }

    /** The beacon text of {@code epoch}, as signed. */
    public String beaconText(long epoch) {
        return "virex epoch beacon v1\n"
                + "epoch " + epoch + "\n"
                + "start " + TextLines.formatInstant(startOf(epoch)) + "\n"
                + "length-seconds " + length.toSeconds() + "\n";
    }

    public long epochAt(Instant now) {
        if (now.isBefore(genesis)) {
            return 0;
        }
        return Duration.between(genesis, now).toNanos() / length.toNanos();
    }

    public Instant startOf(long epoch) {
        return genesis.plus(length.multipliedBy(epoch));
    }

    @Override
    public EpochSeeds at(Instant now) {
        long epoch = epochAt(now);
        EpochSeeds c = cached;
        if (c != null && c.current().epoch() == epoch) {
            return c;
        }
        Optional<EpochSeed> previous = epoch == 0 ? Optional.empty()
                : Optional.of(c != null && c.current().epoch() == epoch - 1 ? c.current() : seed(epoch - 1));
        EpochSeeds fresh = new EpochSeeds(seed(epoch), previous);
        cached = fresh;
        return fresh;
    }

    /** The seed of {@code epoch}. */
    public EpochSeed seed(long epoch) {
        byte[] sig = signer.sign(beaconText(epoch).getBytes(StandardCharsets.UTF_8));
        return EpochSeed.fromBeaconSignature(epoch, startOf(epoch), length, Bytes.wrap(sig));
    }
}

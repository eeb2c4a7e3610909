package dev.virex.core.ingress;

import dev.virex.core.Bytes;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.EpochSeed;
import dev.virex.core.pow.EpochSeeds;
import dev.virex.core.pow.ParamsFormatException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a mixnode publishes for its clients (JSON at {@code GET /v1/pow}): who it is, where its
 * packet port is, the key to seal to, the accepted epoch seeds, the parameters in force (and the
 * next scheduled change, text or empty) and its current suggested effort. Clients follow the
 * suggestion (Tor's {@code pow-params}).
 */
public record PowInfo(String mixnode, String identity, String kem, String ingress, String algorithm,
                      long effortFloor, long suggestedEffort, List<Seed> seeds, String params, String nextParams) {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{64}");
    private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}:[0-9]{1,5}");

    /** One accepted seed: epoch, 32-byte seed (hex), start (UTC) and length. */
    public record Seed(long epoch, String seed, String start, long lengthSeconds) {
        /** Implementation limits: epochs last at most a year and start between 1970 and 9000. */
        static final long MAX_LENGTH_SECONDS = 366L * 24 * 3600;

        public Seed {
            if (epoch < 0 || seed == null || !HEX32.matcher(seed).matches() || lengthSeconds < 1
                    || lengthSeconds > MAX_LENGTH_SECONDS || start == null) {
                throw new IllegalArgumentException("seed needs an epoch, 64 hex digits, a start and a length of 1 s to a year");
            }
            Instant t;
            try {
                t = Instant.parse(start);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("seed start is not a UTC time", e);
            }
            if (t.isBefore(Instant.EPOCH) || t.isAfter(LATEST)) {
                throw new IllegalArgumentException("seed start out of range");
            }
        }

        public static Seed of(EpochSeed s) {
            return new Seed(s.epoch(), s.seed().toHex(), s.start().toString(), s.length().toSeconds());
        }

        public EpochSeed toEpochSeed() {
            return new EpochSeed(epoch, Bytes.fromHex(seed), Instant.parse(start), Duration.ofSeconds(lengthSeconds));
        }
    }

    public PowInfo {
        if (mixnode == null || identity == null || !HEX32.matcher(identity).matches() || kem == null || !HEX32.matcher(kem).matches()) {
            throw new IllegalArgumentException("mixnode vkey, identity and kem key (64 hex digits) are required");
        }
        if (ingress == null || !HOST_PORT.matcher(ingress).matches()) {
            throw new IllegalArgumentException("ingress must be host:port");
        }
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty() || seeds.size() > 2 || (seeds.size() == 2 && seeds.get(1).epoch() >= seeds.get(0).epoch())) {
            throw new IllegalArgumentException("one or two seeds, the current first");
        }
        if (effortFloor < 1 || suggestedEffort < effortFloor || suggestedEffort > AbuseParams.MAX_EFFORT) {
            throw new IllegalArgumentException("need 1 <= effort floor <= suggested effort < 2^32");
        }
        if (params == null || nextParams == null || algorithm == null) {
            throw new IllegalArgumentException("params, nextParams and algorithm are required");
        }
    }

    public Bytes identityBytes() {
        return Bytes.wrap(HexFormat.of().parseHex(identity));
    }

    public Bytes kemKey() {
        return Bytes.wrap(HexFormat.of().parseHex(kem));
    }

    public VerifierKey vkey() throws NoteException {
        return VerifierKey.parse(mixnode);
    }

    public AbuseParams abuseParams() throws ParamsFormatException {
        return AbuseParams.parse(params);
    }

    public EpochSeeds epochSeeds() {
        EpochSeed current = seeds.get(0).toEpochSeed();
        Optional<EpochSeed> previous = seeds.size() > 1 ? Optional.of(seeds.get(1).toEpochSeed()) : Optional.empty();
        return new EpochSeeds(current, previous);
    }

    /** The first 8 bytes of the identity, as a submit frame names its target. */
    public long mixnodePrefix() {
        return Long.parseUnsignedLong(identity.substring(0, 16), 16);
    }
}

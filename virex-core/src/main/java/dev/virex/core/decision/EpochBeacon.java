package dev.virex.core.decision;

import dev.virex.core.Bytes;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.pow.EpochSeed;
import java.time.Duration;
import java.time.Instant;

/**
 * The beacon that opens an epoch. Its threshold signature is unpredictable until M members sign
 * it, so the PoW seed derived from it ({@link #seed}) cannot be known before the epoch starts.
 */
public record EpochBeacon(Header header, long epoch, Instant start, Duration length) implements Decision {
    public static final Duration MIN_LENGTH = Duration.ofSeconds(10);
    public static final Duration MAX_LENGTH = Duration.ofDays(1);

    public EpochBeacon {
        Decisions.requireKind(header, DecisionKind.EPOCH);
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch numbers start at 0");
        }
        if (start.getNano() != 0 || length.getNano() != 0 || length.compareTo(MIN_LENGTH) < 0 || length.compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("epoch start and length are whole seconds; length 10 s to 1 day");
        }
    }

    public Instant end() {
        return start.plus(length);
    }

    /**
     * The epoch seed: {@link EpochSeed#derive}, over the epoch number and the group signature on
     * this beacon (the bytes after the key ID in its signature line). Mixnodes derive the same
     * seed from the same signature ({@link EpochSeed#fromBeaconSignature}): there is one
     * derivation (docs/spec/pow.md, "Epoch seeds").
     */
    public static Bytes seed(long epoch, NoteSignature groupSignature) {
        return EpochSeed.derive(epoch, groupSignature.signature());
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder(256);
        header.write(sb);
        sb.append("epoch ").append(epoch).append('\n')
                .append("start ").append(Lines.format(start)).append('\n')
                .append("length-seconds ").append(length.toSeconds()).append('\n');
        return sb.toString();
    }

    static EpochBeacon read(Header h, Lines in) throws DecisionFormatException {
        long epoch = Lines.number(in.expect("epoch"), 0, Long.MAX_VALUE, "epoch");
        Instant start = Lines.time(in.expect("start"));
        long secs = Lines.number(in.expect("length-seconds"), MIN_LENGTH.toSeconds(), MAX_LENGTH.toSeconds(), "length-seconds");
        in.end();
        return Decisions.build(() -> new EpochBeacon(h, epoch, start, Duration.ofSeconds(secs)));
    }
}

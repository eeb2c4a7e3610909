package dev.virex.core.decision;

import dev.virex.core.Bytes;
import java.time.Duration;
import java.time.Instant;

/** An epoch as the directory records it: number, start, length and the PoW seed of its beacon. */
public record EpochInfo(long epoch, Instant start, Duration length, Bytes seed) {
    public EpochInfo {
        Decisions.requireHash(seed, "epoch seed");
    }

    public Instant end() {
        return start.plus(length);
    }

    String line() {
        return epoch + " " + Lines.format(start) + " " + length.toSeconds() + " " + seed.toHex();
    }

    static EpochInfo parse(String line) throws DecisionFormatException {
        String[] f = line.split(" ", -1);
        if (f.length != 4) {
            throw new DecisionFormatException("epoch line must be '<n> <start> <length-seconds> <seed>'");
        }
        long n = Lines.number(f[0], 0, Long.MAX_VALUE, "epoch");
        Instant start = Lines.time(f[1]);
        long len = Lines.number(f[2], EpochBeacon.MIN_LENGTH.toSeconds(), EpochBeacon.MAX_LENGTH.toSeconds(), "epoch length");
        return new EpochInfo(n, start, Duration.ofSeconds(len), Decisions.hash(f[3], "epoch seed"));
    }
}

package dev.virex.federation.decide;

import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.EpochInfo;
import dev.virex.core.decision.NetworkParams;
import java.time.Duration;
import java.time.Instant;

/**
 * When the next epoch beacon is due: epoch 0 starts at the genesis decision's time, epoch n + 1
 * where epoch n ends. Epochs nobody signed (the federation was down) are skipped, keeping the
 * alignment: the next beacon starts at the latest boundary not after now. The length is the
 * {@code epoch.length-seconds} parameter in force.
 */
public record EpochPlan(long epoch, Instant start, Duration length, Instant base) {
    public static EpochPlan next(Directory d, Instant now) throws DecisionFormatException {
        Duration length = NetworkParams.of(d.paramsAt(now)).epochLength();
        long n = d.epoch().map(e -> e.epoch() + 1).orElse(0L);
        Instant base = d.epoch().map(EpochInfo::end).orElse(d.federation().time());
        long behind = now.isAfter(base) ? Duration.between(base, now).toSeconds() / length.toSeconds() : 0;
        return new EpochPlan(n, base.plus(length.multipliedBy(behind)), length, base);
    }

    /** Whether the beacon may be signed at {@code now}: its epoch has started. */
    public boolean due(Instant now) {
        return !now.isBefore(start);
    }

    /** Whether {@code proposed} is an acceptable start: aligned, not before the base, started, and not over. */
    public boolean accepts(Instant proposed, Instant now, Duration skew) {
        if (proposed.isBefore(base)) {
            return false;
        }
        long offset = Duration.between(base, proposed).toSeconds();
        return offset % length.toSeconds() == 0 && !proposed.isAfter(now.plus(skew)) && proposed.plus(length).isAfter(now.minus(skew));
    }
}

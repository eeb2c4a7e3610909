package dev.virex.federation.decide;

import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.NetworkParams;
import dev.virex.federation.MemberContext;
import java.time.Instant;

/**
 * When a directory snapshot is due: after every change (an applied decision other than a
 * rejection or a snapshot), and at least once per epoch length.
 */
final class SnapshotPolicy {
    private SnapshotPolicy() {}

    static boolean due(MemberContext ctx, Instant now) {
        Directory d = ctx.log().directory().orElse(null);
        if (d == null) {
            return false;
        }
        var last = ctx.log().snapshot();
        if (last.isEmpty() || ctx.log().changesSinceSnapshot() > 0) {
            return true;
        }
        try {
            return !now.isBefore(last.get().time().plus(NetworkParams.of(d.paramsAt(now)).epochLength()));
        } catch (DecisionFormatException e) {
            return true;
        }
    }
}

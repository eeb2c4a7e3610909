package dev.virex.cli.client;

import dev.virex.cli.NetArgs;
import dev.virex.client.MixnodeClient;
import dev.virex.core.ingress.RejectReason;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * What a person sees on stderr while the client works: a progress bar while solving (attempts
 * against the expected number, which is the effort), and each refusal with the wait it causes.
 */
final class ProgressDisplay implements MixnodeClient.Listener {
    static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean quiet;
    private long lastDraw;
    private boolean drawing;

    ProgressDisplay(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public synchronized void solving(long effort, Duration expected) {
        if (!quiet) {
            err.printf("virex: solving PoW at effort %,d (expected ~%s)%n", effort, NetArgs.human(expected));
            err.flush();
        }
    }

    @Override
    public synchronized void progress(long attempts, long expected) {
        long now = System.nanoTime();
        if (quiet || now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        err.print("\r" + bar(attempts, expected));
        err.flush();
        drawing = true;
    }

    @Override
    public synchronized void rejected(RejectReason reason, Duration wait) {
        endLine();
        if (wait.isZero()) {
            err.println("virex: mixnode answered " + reason.label() + "; retrying at once");
        } else {
            err.println("virex: mixnode answered " + reason.label() + "; backing off " + NetArgs.human(wait));
        }
        err.flush();
    }

    synchronized void endLine() {
        if (drawing) {
            err.println();
            drawing = false;
        }
    }

    /** {@code [#######.......]  47% of expected work}; beyond 100% the bar stays full (it is a lottery). */
    static String bar(long attempts, long expected) {
        double f = expected <= 0 ? 1 : (double) attempts / expected;
        int filled = (int) Math.min(WIDTH, Math.round(f * WIDTH));
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%", Math.round(f * 100))
                + " of expected work";
    }
}

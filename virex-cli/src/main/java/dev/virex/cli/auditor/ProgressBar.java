package dev.virex.cli.auditor;

import dev.virex.auditor.Auditor;
import java.io.PrintWriter;

/** {@code [##########..........]  50%  1,024 of 2,048 entries} on stderr, redrawn at most ten times a second. */
final class ProgressBar implements Auditor.Progress {
    static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean quiet;
    private long lastDraw;
    private boolean drawn;
    private long done;
    private long total;

    ProgressBar(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void entries(long doneNow, long totalNow) {
        this.done = doneNow;
        this.total = totalNow;
        long now = System.nanoTime();
        if (quiet || now - lastDraw < 100_000_000L && doneNow < totalNow) {
            return;
        }
        lastDraw = now;
        err.print("\r" + bar(doneNow, totalNow));
        err.flush();
        drawn = true;
    }

    void done() {
        if (drawn) {
            err.print("\r" + bar(done, total));
            err.println();
            err.flush();
            drawn = false;
        }
    }

    static String bar(long done, long total) {
        double f = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%  %,d of %,d entries", Math.round(f * 100), done, total);
    }
}

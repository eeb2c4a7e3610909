package dev.virex.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the demo's story as it happens, for a newcomer, at most {@link #WIDTH} columns: numbered
 * steps with what each shows and which seed requirement it demonstrates, details indented under
 * them, and the elapsed time of each step and of the whole run.
 */
final class Narrator {
    static final int WIDTH = 100;

    /** A finished step: its number, title and duration. */
    record Timing(int step, String title, double seconds) {}

    private final PrintWriter out;
    private final long started = System.nanoTime();
    private final List<Timing> timings = new ArrayList<>();
    private long stepStarted;
    private int step;
    private String title;

    Narrator(PrintWriter out) {
        this.out = out;
    }

    /** Plain lines (the header, the closing words), wrapped. */
    void text(String s) {
        wrap("", "  ", s);
        out.flush();
    }

    void blank() {
        out.println();
        out.flush();
    }

    /** Starts step n + 1: its title and the seed requirement it demonstrates. */
    void step(String stepTitle, String seed) {
        step++;
        title = stepTitle;
        stepStarted = System.nanoTime();
        out.println();
        wrap("", "    ", "[" + step + "] " + stepTitle);
        wrap("    ", "      ", "Seed: " + seed);
        out.flush();
    }

    /** A detail of the current step, as it happens. */
    void say(String s) {
        wrap("    ", "      ", s);
        out.flush();
    }

    /** Ends the current step with what it established, and its time. */
    void done(String outcome) {
        double secs = seconds(stepStarted);
        timings.add(new Timing(step, title, secs));
        wrap("    ", "      ", "OK: " + outcome + String.format(Locale.ROOT, " (%.1f s; %.1f s in all)", secs, seconds(started)));
        out.flush();
    }

    int currentStep() {
        return step;
    }

    String currentTitle() {
        return title;
    }

    List<Timing> timings() {
        return List.copyOf(timings);
    }

    double elapsed() {
        return seconds(started);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Word-wraps {@code s} at {@link #WIDTH}: the first line after {@code first}, the rest after {@code rest}. */
    private void wrap(String first, String rest, String s) {
        for (String para : s.split("\n", -1)) {
            if (first.length() + para.length() <= WIDTH) {
                out.println(first + para);
                first = rest;
                continue;
            }
            String prefix = first;
            StringBuilder line = new StringBuilder(prefix);
            for (String word : para.split(" ")) {
                if (line.length() > prefix.length() && line.length() + 1 + word.length() > WIDTH) {
                    out.println(line);
                    prefix = rest;
                    line = new StringBuilder(prefix);
                }
                if (line.length() > prefix.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.println(line);
            first = rest;
        }
    }

    /**
     * A shell command, broken with {@code \} continuations so that it stays within
     * {@link #WIDTH} and can still be pasted as is.
     */
    void command(String... words) {
        StringBuilder line = new StringBuilder("  ");
        for (String w : words) {
            if (line.length() > 2 && line.length() + 1 + w.length() + 2 > WIDTH) {
                out.println(line.append(" \\"));
                line = new StringBuilder("      ");
            } else if (line.length() > 2) {
                line.append(' ');
            }
            line.append(w);
        }
        out.println(line);
        out.flush();
    }
}

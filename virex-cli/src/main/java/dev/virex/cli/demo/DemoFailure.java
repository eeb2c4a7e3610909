package dev.virex.cli.demo;

/**
 * A check of the demo that did not hold, or a role that did not do its part in time: the demo
 * stops with this message and exit code 1.
 */
final class DemoFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DemoFailure(String message) {
        super(message);
    }

    DemoFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Fails the demo with {@code message} unless {@code holds}. */
    static void check(boolean holds, String message) {
        if (!holds) {
            throw new DemoFailure(message);
        }
    }
}

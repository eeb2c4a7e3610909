package dev.virex.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The life of a {@code serve} command once its service runs: until Ctrl-C (or SIGTERM), or for
 * {@code --for} when given. The service is stopped exactly once, by whichever comes first: the
 * shutdown hook, installed as soon as this is created, or {@link #close} when the wait ends. A
 * failure to stop is one line on stderr.
 *
 * <pre>{@code
 * try (Serving serving = Serving.of("the witness", running::close)) {
 *     out.println("witness serving " + ...);
 *     serving.await(runFor);
 * }
 * }</pre>
 */
public final class Serving implements AutoCloseable {
    /** How to stop the service. */
    @FunctionalInterface
    public interface Stop {
        void stop() throws Exception;
    }

    private final String what;
    private final Stop stop;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final Thread hook;

    private Serving(String what, Stop stop) {
        this.what = what;
        this.stop = stop;
        this.hook = new Thread(() -> {
            interrupted.countDown();
            stopOnce();
        }, "virex-shutdown");
    }

    /** Installs the shutdown hook that stops {@code what} (for messages, e.g. "the log") with {@code stop}. */
    public static Serving of(String what, Stop stop) {
        Serving s = new Serving(what, stop);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** Waits for Ctrl-C, or at most {@code runFor} when it is not null. */
    public void await(Duration runFor) throws InterruptedException {
        if (runFor == null) {
            interrupted.await();
        } else {
            interrupted.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the service (unless the shutdown hook did) and removes the hook. */
    @Override
    public void close() {
        stopOnce();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook stopped the service
        }
    }

    private void stopOnce() {
        if (stopped.getAndSet(true)) {
            return;
        }
        try {
            stop.stop();
        } catch (Exception e) {
            System.err.println("virex: error while stopping " + what + ": " + e.getMessage());
        }
    }
}

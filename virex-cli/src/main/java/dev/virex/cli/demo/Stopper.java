package dev.virex.cli.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for the demo: a shutdown hook that stops the whole network, bounded (20 s), whatever the
 * demo is doing at that moment; and the wait of a network kept running for people to inspect.
 */
final class Stopper {
    static final Duration BOUND = Duration.ofSeconds(20);

    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean interrupted;

    private Stopper(DemoNetwork net) {
        this.hook = new Thread(() -> {
            interrupted = true;
            stop.countDown();
            Thread closer = Thread.ofPlatform().name("virex-demo-stop").start(net::close);
            try {
                closer.join(BOUND);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "virex-demo-shutdown");
    }

    static Stopper install(DemoNetwork net) {
        Stopper s = new Stopper(net);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** Waits for Ctrl-C, or {@code max} when given. */
    void await(Optional<Duration> max) throws InterruptedException {
        if (max.isPresent()) {
            stop.await(max.get().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            stop.await();
        }
    }

    /** Whether Ctrl-C (or another shutdown) stopped the demo. */
    boolean interrupted() {
        return interrupted;
    }

    void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook stops the network
        }
    }
}

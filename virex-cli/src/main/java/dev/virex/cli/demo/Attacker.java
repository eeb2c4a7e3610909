package dev.virex.cli.demo;

import dev.virex.client.TcpIngress;
import dev.virex.core.ingress.PowInfo;
import dev.virex.core.ingress.ReplyFrame;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that floods one mixnode from its own address (127.0.2.1): frames with valid PoW at the
 * effort floor, as fast as it can solve them, pipelined on one connection, ignoring every refusal
 * and every backoff it is told. A reader counts the replies.
 */
final class Attacker {
    private final TcpIngress conn;
    private final PowInfo info;
    private final Tally tally = new Tally();
    private final AtomicLong longestWaitMs = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean sending = true;

    private Attacker(TcpIngress conn, PowInfo info) {
        this.conn = conn;
        this.info = info;
    }

    static Attacker connect(InetSocketAddress mixnode, PowInfo info) throws IOException {
        return new Attacker(TcpIngress.connect(mixnode, InetAddress.getByName("127.0.2.1"), Duration.ofSeconds(10)), info);
    }

    /** Floods for {@code duration}, then waits (boundedly) for the replies still due. */
    Tally flood(Duration duration) throws InterruptedException {
        SecureRandom random = new SecureRandom();
        Thread reader = Thread.ofPlatform().daemon().name("virex-demo-attacker-replies").start(this::readReplies);
        long end = System.nanoTime() + duration.toNanos();
        try {
            for (long i = 0; System.nanoTime() < end; i++) {
                conn.send(Frames.solved(info, info.effortFloor(), "flood " + i, random));
                sent.incrementAndGet();
            }
        } catch (IOException e) {
            // the mixnode closed the connection: the flood is over
        }
        sending = false;
        long replies = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (tally.sent() < sent.get() && System.nanoTime() < replies && reader.isAlive()) {
            Thread.sleep(20);
        }
        close();
        reader.join(Duration.ofSeconds(5));
        return tally;
    }

    private void readReplies() {
        try {
            while (sending || tally.sent() < sent.get()) {
                ReplyFrame r = conn.receive();
                if (r.accepted()) {
                    tally.recordAccepted();
                } else {
                    tally.recordRefused(r.reason().orElseThrow());
                    longestWaitMs.accumulateAndGet(r.retryAfter().toMillis(), Math::max);
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    long framesSent() {
        return sent.get();
    }

    /** The longest wait a refusal told the attacker to observe. */
    Duration longestWait() {
        return Duration.ofMillis(longestWaitMs.get());
    }

    void close() {
        try {
            conn.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

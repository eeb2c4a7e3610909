package dev.virex.federation.config;

import java.time.Duration;

/**
 * A member's coordination timing (docs/spec/federation.md, "Coordination and failover").
 *
 * @param tickMillis how often the member does its background work (review, votes, coordination)
 * @param takeoverMillis how long the k-th member in a ranking waits, times k, before coordinating
 * @param rpcTimeoutMillis the bound on one call to another member, the log or a node
 * @param envelopeWindowSeconds how far an envelope's time may be from the receiver's clock
 * @param decisionSkewSeconds how far a decision's time may be from a signer's clock
 */
public record Timing(long tickMillis, long takeoverMillis, long rpcTimeoutMillis, long envelopeWindowSeconds, long decisionSkewSeconds) {
    public Timing {
        if (tickMillis < 1 || takeoverMillis < 0 || rpcTimeoutMillis < 10 || envelopeWindowSeconds < 1 || decisionSkewSeconds < 1) {
            throw new IllegalArgumentException("timing values must be positive (rpc timeout at least 10 ms)");
        }
    }

    public static Timing defaults() {
        return new Timing(250, 10_000, 3_000, 300, 120);
    }

    public Duration tick() {
        return Duration.ofMillis(tickMillis);
    }

    public Duration takeover() {
        return Duration.ofMillis(takeoverMillis);
    }

    public Duration rpcTimeout() {
        return Duration.ofMillis(rpcTimeoutMillis);
    }

    public Duration envelopeWindow() {
        return Duration.ofSeconds(envelopeWindowSeconds);
    }

    public Duration decisionSkew() {
        return Duration.ofSeconds(decisionSkewSeconds);
    }
}

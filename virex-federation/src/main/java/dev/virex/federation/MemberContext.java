package dev.virex.federation;

import dev.virex.core.note.SignerKey;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.federation.config.ReviewPolicy;
import dev.virex.federation.config.Roster;
import dev.virex.federation.config.Timing;
import dev.virex.federation.ledger.LogView;
import dev.virex.federation.store.MemberStore;
import dev.virex.federation.wire.Peers;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What every part of a member shares: its name and keys, the federation roster, its policy and
 * timing, the injected clock and randomness, its store, its view of the log, and its peers.
 */
public record MemberContext(String self, Roster roster, ReviewPolicy policy, Timing timing, SignerKey identity, KeyShare share,
                            Clock clock, SecureRandom random, MemberStore store, LogView log, Peers peers) {
    public GroupKey group() {
        return share.group();
    }

    public String federation() {
        return roster.federation();
    }

    public int threshold() {
        return roster.threshold();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Now, in whole seconds: decision and envelope times. */
    public Instant second() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}

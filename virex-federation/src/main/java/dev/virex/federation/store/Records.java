package dev.virex.federation.store;

import dev.virex.core.Bytes;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** The rows of the member's database, as immutable records. */
public final class Records {
    private Records() {}

    /** A join request or proposal under review, or closed with its outcome. */
    public record Proposal(String id, ProposalKind kind, Bytes body, Instant receivedAt, Instant deadline, String origin,
                           boolean closed, OptionalLong logIndex, String outcome) {}

    /** One member's vote on a proposal, with reasons (lines {@code code[ text]}) for a no. */
    public record Vote(String proposalId, String member, boolean yes, List<String> reasons, Instant at) {
        public Vote {
            reasons = List.copyOf(reasons);
        }
    }

    /** This member's review state of a join request: {@code probation}, {@code manual} or {@code voted}. */
    public record Review(String proposalId, String state, String note, Instant updatedAt) {}

    /** One probe this member made of a node. */
    public record Probe(String subject, String node, Instant at, boolean ok, String detail, String reportHash) {}

    /** What this member signed as a signer for a subject. */
    public record Signed(String subject, String outcome, String decisionHash, Instant at) {}

    /** A receipt kept from the log's answer to an append: the entry and its tlog-proof. */
    public record Receipt(String proposalId, long logIndex, dev.virex.core.Bytes entry, dev.virex.core.Bytes proof) {}

    /** How adding a row went. */
    public enum Added {
        NEW,
        /** The same row was there already. */
        EXISTS,
        /** A different row with the same key was there (a different vote, a reused nonce). */
        CONFLICT
    }
}

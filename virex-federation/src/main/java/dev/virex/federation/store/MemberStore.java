package dev.virex.federation.store;

import dev.virex.crypto.frost.NonceStore;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The member's own pending work, kept across restarts (docs/spec/federation.md, "Persistence"):
 * join requests and proposals, votes, review state, probes, what it signed, and its FROST nonce
 * sessions. The log, not this store, is the truth for network state.
 */
public interface MemberStore extends AutoCloseable {
    /**
     * Stores a proposal; for a join request its nonce too.
     *
     * @return EXISTS if the proposal is known, CONFLICT if the nonce was used by another request
     */
    Records.Added addProposal(Records.Proposal p, Optional<String> joinNonce);

    Optional<Records.Proposal> proposal(String id);

    /** Proposals not closed yet, oldest first. */
    List<Records.Proposal> openProposals();

    /** Closes a proposal: decided in the log at {@code logIndex}, or dropped (expired) without one. */
    void close(String id, OptionalLong logIndex, String outcome);

    /** @return EXISTS for the same vote again, CONFLICT for a different vote by the same member */
    Records.Added addVote(Records.Vote v);

    List<Records.Vote> votes(String proposalId);

    Optional<Records.Review> review(String proposalId);

    void setReview(Records.Review r);

    void addProbe(Records.Probe p);

    /** The latest {@code limit} probes of a subject, newest first. */
    List<Records.Probe> probes(String subject, int limit);

    Optional<Records.Signed> signed(String subject);

    /** Durable before it returns: a share is released only after this. */
    void recordSigned(Records.Signed s);

    /** Keeps the receipt of a decision this member appended. */
    void saveReceipt(Records.Receipt r);

    Optional<Records.Receipt> receipt(String proposalId);

    /** This member's FROST nonce store: sessions recorded durably, nonces released once. */
    NonceStore nonceStore();

    @Override
    void close();
}

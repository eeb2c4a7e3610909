package dev.virex.core.decision;

import java.time.Instant;

/**
 * A federation decision: the text of a signed note, signed by the federation's threshold group
 * key and appended to the transparency log. The network state is the fold of these over the log
 * ({@link DirectoryState}). Formats: docs/spec/decisions.md.
 */
public sealed interface Decision
        permits FederationKey, JoinApproved, JoinRejected, NodeRemoved, ParamsChanged, EpochBeacon, DirectorySnapshot {
    /** Cap on a decision text. */
    int MAX_TEXT = 16 * 1024;

    Header header();

    default DecisionKind kind() {
        return header().kind();
    }

    default String federation() {
        return header().federation();
    }

    default Instant time() {
        return header().time();
    }

    /** The canonical note text; {@code Decisions.parse(d.text())} equals {@code d}. */
    String text();
}

package dev.virex.auditor.check;

import dev.virex.auditor.AuditSink;
import dev.virex.auditor.DecisionRecord;
import dev.virex.auditor.config.Limits;
import dev.virex.auditor.config.Rules;
import dev.virex.auditor.notice.Finding;
import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectoryFold;
import dev.virex.core.decision.DirectorySnapshot;
import dev.virex.core.decision.EpochBeacon;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.FoldException;
import dev.virex.core.decision.FoldOutcome;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.JoinRejected;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.core.note.VerifierKey;
import dev.virex.crypto.entry.DecisionEntry;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Verifies log entries one by one from genesis, as an auditor must (the Join Flow seed: "Auditors
 * verify the integrity of join actions and logs"): each entry is folded with {@link DirectoryFold}
 * (signature under the federation's current group key, canonical decision, the fold's rules),
 * its attestation is checked against the group of the federation-key decision in force (M of N
 * real members), every anomaly becomes a finding, and applied decisions go through the auditor's
 * limits and onboarding rules. Attestations are checked in batches by default (one random linear
 * combination over many entries, {@code AttestationQueue}); their findings then come at
 * {@link #flush}, from the same strict check. Not thread-safe.
 */
public final class EntryAudit {
    private final DirectoryFold fold;
    private final PolicyLimits limits;
    private final OnboardingRules rules;
    private final AuditSink sink;
    private final AttestationQueue batched;
    private final LateSnapshots late = new LateSnapshots();
    private GroupKey group;

    /** An audit that checks attestations in batches (findings come at {@link #flush}). */
    public EntryAudit(VerifierKey genesis, Limits limits, Rules rules, AuditSink sink) {
        this(genesis, limits, rules, sink, Optional.of(new SecureRandom()));
    }

    /**
     * @param batching randomness for batched attestation checks, or empty to check each entry's
     *     attestation on its own with {@link DecisionEntry#open} as it is folded
     */
    public EntryAudit(VerifierKey genesis, Limits limits, Rules rules, AuditSink sink, Optional<SecureRandom> batching) {
        this.fold = DirectoryFold.fromGenesis(genesis);
        this.limits = new PolicyLimits(limits);
        this.rules = new OnboardingRules(rules);
        this.sink = sink;
        this.batched = batching.map(r -> new AttestationQueue(r, sink::finding)).orElse(null);
    }

    /** Completes the attestation checks of the entries applied so far (batched mode). */
    public void flush() {
        if (batched != null) {
            batched.flush();
        }
    }

    /** Entries verified so far. */
    public long size() {
        return fold.size();
    }

    /** The state after the entries verified so far; empty before the genesis entry. */
    public Optional<Directory> directory() {
        return fold.size() == 0 ? Optional.empty() : Optional.of(fold.directory());
    }

    /**
     * Verifies and folds the entry at {@link #size()}.
     *
     * @throws FoldException the entry is not a decision signed by the current group key: nobody
     *     following the log can go past it (reported as a finding first)
     */
    public void apply(Bytes entry) throws FoldException {
        long index = fold.size();
        GroupKey before = group;
        byte[] bytes = entry.toArray();
        FoldOutcome out;
        try {
            out = fold.apply(bytes);
        } catch (FoldException e) {
            sink.finding(Finding.of("entry-rejected", Finding.Severity.VIOLATION, e.getMessage(), List.of(index), List.of()));
            throw e;
        }
        Decision d = out.decision();
        GroupKey attesting = before;
        if (d instanceof FederationKey fk && out.applied()) {
            group = groupOf(index, fk);
            attesting = before == null ? group : before;
        }
        List<String> signers = List.of();
        if (attesting != null && batched != null) {
            signers = batched.add(index, d.kind().wire(), bytes, attesting);
        } else if (attesting != null) {
            Attestations.Result r = Attestations.check(index, d.kind().wire(), bytes, attesting);
            r.finding().ifPresent(sink::finding);
            signers = r.signers();
        }
        if (out.anomaly().isPresent()) {
            sink.finding(lateSnapshot(index, d).orElseGet(() -> Finding.of(anomalyCode(out), Finding.Severity.VIOLATION,
                    "entry " + index + " (" + d.kind().wire() + "): " + out.anomaly().get(), List.of(index), List.of())));
        } else {
            limits.check(index, d, sink::finding);
            rules.check(index, d, signers, sink::finding);
            if (d instanceof ParamsChanged pc) {
                sink.params(index, pc.activation(), pc.params());
            }
        }
        sink.decision(new DecisionRecord(index, d.kind().wire(), d.time(), signers, summary(d), out.applied()));
        late.folded(out, bytes, fold);
    }

    /** A snapshot that is true for the entries it covers but landed after other decisions: a warning, not a violation. */
    private Optional<Finding> lateSnapshot(long index, Decision d) {
        if (d instanceof DirectorySnapshot ds && ds.logSize() < index && late.trueForItsEntries(ds).orElse(false)) {
            return Optional.of(Finding.of("snapshot-late", Finding.Severity.WARNING, "entry " + index + " (directory): a true snapshot "
                    + "of the first " + ds.logSize() + " entries, logged after other decisions got in; followers skip it",
                    List.of(index), List.of()));
        }
        return Optional.empty();
    }

    private GroupKey groupOf(long index, FederationKey fk) {
        try {
            return DecisionEntry.groupOf(fk);
        } catch (FrostException e) {
            sink.finding(Finding.of("federation-key-invalid", Finding.Severity.VIOLATION,
                    "entry " + index + ": the group it describes is not a valid FROST group: " + e.getMessage(), List.of(index), List.of()));
            return null;
        }
    }

    /** The finding code of a fold anomaly (docs/spec/decisions.md, "The fold"). */
    static String anomalyCode(FoldOutcome o) {
        String a = o.anomaly().orElseThrow();
        if (a.startsWith("replayed")) {
            return "replayed-decision";
        }
        if (a.startsWith("stale decision")) {
            return "stale-decision";
        }
        if (o.decision() instanceof DirectorySnapshot) {
            return "snapshot-mismatch";
        }
        if (a.startsWith("decision names federation")) {
            return "wrong-federation";
        }
        return "impossible-transition";
    }

    static String summary(Decision d) {
        return switch (d) {
            case FederationKey fk -> "group " + fk.group().name() + ", " + fk.threshold() + " of " + fk.members().size()
                    + (fk.previous().isPresent() ? " (rotation)" : " (genesis)");
            case JoinApproved ja -> ja.node().role().wire() + " " + ja.node().id() + " at " + ja.node().address();
            case JoinRejected jr -> jr.node().role().wire() + " " + jr.node().id() + " rejected";
            case NodeRemoved nr -> nr.nodeId() + " removed";
            case ParamsChanged pc -> String.join(" ", pc.params().keySet()) + " from " + pc.activation();
            case EpochBeacon eb -> "epoch " + eb.epoch();
            case DirectorySnapshot ds -> "directory at " + ds.logSize() + ", " + ds.nodes() + " nodes";
        };
    }
}

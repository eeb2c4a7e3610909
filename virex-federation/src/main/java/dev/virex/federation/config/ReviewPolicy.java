package dev.virex.federation.config;

import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import java.time.Duration;
import java.util.List;

/**
 * One member's own review policy (JSON; docs/spec/federation.md, "Review policy"). Each member
 * reviews every join request independently with it: requirements beyond the federation's
 * parameters, Sybil limits, the probation probes, manual review of new operators, and how it
 * votes on other members' proposals. Zero means "no limit of this member's own" where noted.
 *
 * @param approvedSoftware versions this member accepts besides the federation's {@code software.approved}
 * @param minBandwidthMbps this member's bandwidth floor (the stricter of it and the federation's applies)
 * @param allowedRegions regions this member admits; empty: any
 * @param maxNodesPerOperator this member's cap per operator (the stricter of it and {@code operator.max-nodes}); 0: the federation's
 * @param maxNodesPerSubnet cap per /24 (IPv4) or /48 (IPv6) subnet of the service address; 0: none
 * @param maxRegionShare largest share of all nodes one region may hold, in (0, 1]; 0: none
 * @param regionShareMinNodes the region share applies once the network would have this many nodes
 * @param probation the live probes a node must pass before this member votes yes
 * @param manualReviewNewOperators hold the vote of a request from an operator not in
 *     {@code knownOperators} and without admitted nodes for {@code virex federation review}
 * @param knownOperators operator vkeys this member knows
 * @param autoApproveProposals vote yes on other members' removal and parameter proposals
 * @param monitoring periodic probes of admitted nodes
 */
public record ReviewPolicy(List<String> approvedSoftware, long minBandwidthMbps, List<String> allowedRegions, int maxNodesPerOperator,
                           int maxNodesPerSubnet, double maxRegionShare, int regionShareMinNodes, Probation probation,
                           boolean manualReviewNewOperators, List<String> knownOperators, boolean autoApproveProposals,
                           Monitoring monitoring) {
    /** K successful probes at least {@code intervalSeconds} apart; {@code maxFailures} failed probes reject. */
    public record Probation(int probes, long intervalSeconds, int maxFailures, long timeoutMillis) {
        public Probation {
            if (probes < 0 || probes > 100 || intervalSeconds < 0 || maxFailures < 1 || timeoutMillis < 10 || timeoutMillis > 60_000) {
                throw new IllegalArgumentException("probation: 0 to 100 probes, interval >= 0 s, maxFailures >= 1, timeout 10 ms to 60 s");
            }
        }

        public Duration interval() {
            return Duration.ofSeconds(intervalSeconds);
        }

        public Duration timeout() {
            return Duration.ofMillis(timeoutMillis);
        }
    }

    /** Probe every admitted node each {@code intervalSeconds}; propose removal after {@code removeAfterSeconds} of failures. */
    public record Monitoring(boolean enabled, long intervalSeconds, long removeAfterSeconds) {
        public Monitoring {
            if (intervalSeconds < 1 || removeAfterSeconds < 1) {
                throw new IllegalArgumentException("monitoring: interval and removeAfter at least 1 s");
            }
        }
    }

    public ReviewPolicy {
        approvedSoftware = approvedSoftware == null ? List.of() : List.copyOf(approvedSoftware);
        allowedRegions = allowedRegions == null ? List.of() : List.copyOf(allowedRegions);
        knownOperators = knownOperators == null ? List.of() : List.copyOf(knownOperators);
        probation = probation == null ? new Probation(3, 60, 2, 2000) : probation;
        monitoring = monitoring == null ? new Monitoring(true, 60, 600) : monitoring;
        if (minBandwidthMbps < 0 || maxNodesPerOperator < 0 || maxNodesPerSubnet < 0 || regionShareMinNodes < 0) {
            throw new IllegalArgumentException("policy limits must not be negative");
        }
        if (maxRegionShare < 0 || maxRegionShare > 1) {
            throw new IllegalArgumentException("maxRegionShare must be in [0, 1] (0: no limit)");
        }
        for (String k : knownOperators) {
            try {
                VerifierKey.parse(k);
            } catch (NoteException e) {
                throw new IllegalArgumentException("knownOperators: " + e.getMessage());
            }
        }
    }

    /** A sensible policy for a small federation; the demo and tests shorten the probation. */
    public static ReviewPolicy defaults() {
        return new ReviewPolicy(List.of(), 0, List.of(), 0, 2, 0.5, 10, new Probation(3, 60, 2, 2000), false, List.of(), true,
                new Monitoring(true, 60, 600));
    }

    public ReviewPolicy withProbation(Probation p) {
        return new ReviewPolicy(approvedSoftware, minBandwidthMbps, allowedRegions, maxNodesPerOperator, maxNodesPerSubnet,
                maxRegionShare, regionShareMinNodes, p, manualReviewNewOperators, knownOperators, autoApproveProposals, monitoring);
    }

    public ReviewPolicy withMonitoring(Monitoring m) {
        return new ReviewPolicy(approvedSoftware, minBandwidthMbps, allowedRegions, maxNodesPerOperator, maxNodesPerSubnet,
                maxRegionShare, regionShareMinNodes, probation, manualReviewNewOperators, knownOperators, autoApproveProposals, m);
    }

    public ReviewPolicy withManualReview(boolean manual, List<String> known) {
        return new ReviewPolicy(approvedSoftware, minBandwidthMbps, allowedRegions, maxNodesPerOperator, maxNodesPerSubnet,
                maxRegionShare, regionShareMinNodes, probation, manual, known, autoApproveProposals, monitoring);
    }

    public ReviewPolicy withLimits(int perOperator, int perSubnet, double regionShare, int regionShareFrom) {
        return new ReviewPolicy(approvedSoftware, minBandwidthMbps, allowedRegions, perOperator, perSubnet, regionShare, regionShareFrom,
                probation, manualReviewNewOperators, knownOperators, autoApproveProposals, monitoring);
    }
}

package dev.virex.core.decision;

import dev.virex.core.pow.AbuseParams;
import dev.virex.core.pow.ParamsFormatException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The network parameters that {@code params-changed} decisions set, as typed values
 * (docs/spec/decisions.md, "Parameters"). Every {@link AbuseParams} field has a key with the prefix
 * {@code abuse.}; the others are approved software versions, the node bandwidth floor, the
 * per-operator node cap, the join stamp effort, how long a join request may wait for a decision,
 * and the epoch length. A key absent from the directory takes its default ({@link #DEFAULTS},
 * which the genesis {@code params-changed} decision sets in full).
 */
public record NetworkParams(AbuseParams abuse, Set<String> approvedSoftware, long minBandwidthMbps, long operatorMaxNodes,
                            long joinEffort, Duration joinExpiry, Duration epochLength) {
    public static final String SOFTWARE_APPROVED = "software.approved";
    public static final String NODE_MIN_BANDWIDTH = "node.min-bandwidth-mbps";
    public static final String OPERATOR_MAX_NODES = "operator.max-nodes";
    public static final String JOIN_EFFORT = "join.effort";
    public static final String JOIN_EXPIRY = "join.expiry-seconds";
    public static final String EPOCH_LENGTH = "epoch.length-seconds";
    /** How many layers mixnodes are dealt into (docs/spec/nodes.md, "Layers"). */
    public static final String MIX_LAYERS = "mix.layers";
    static final String ABUSE = "abuse.";
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,63}");

    /** The genesis values: every known key. */
    public static final SortedMap<String, String> DEFAULTS = defaults();

    public NetworkParams {
        approvedSoftware = Collections.unmodifiableSet(new LinkedHashSet<>(approvedSoftware));
        if (approvedSoftware.isEmpty() || !approvedSoftware.stream().allMatch(v -> VERSION.matcher(v).matches())) {
            throw new IllegalArgumentException(SOFTWARE_APPROVED + ": one or more versions of [0-9A-Za-z.+-]");
        }
        if (minBandwidthMbps < 1 || operatorMaxNodes < 1 || joinEffort < 1 || joinEffort > AbuseParams.MAX_EFFORT) {
            throw new IllegalArgumentException("bandwidth floor, operator cap and join effort must be positive (effort < 2^32)");
        }
        if (joinExpiry.toSeconds() < 10 || epochLength.compareTo(EpochBeacon.MIN_LENGTH) < 0
                || epochLength.compareTo(EpochBeacon.MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("join expiry at least 10 s; epoch length 10 s to 1 day");
        }
    }

    /** The parameters named by {@code params}, defaults for the others; unknown keys are ignored. */
    public static NetworkParams of(Map<String, String> params) throws DecisionFormatException {
        TreeMap<String, String> all = new TreeMap<>(DEFAULTS);
        all.putAll(params);
        StringBuilder abuse = new StringBuilder();
        for (String line : AbuseParams.defaults().encode().split("\n")) {
            String key = line.substring(0, line.indexOf(' '));
            abuse.append(key).append(' ').append(all.get(ABUSE + key)).append('\n');
        }
        long layers = number(all, MIX_LAYERS);
        if (layers < 1 || layers > 16) {
            throw new DecisionFormatException(MIX_LAYERS + " must be 1 to 16");
        }
        try {
            return new NetworkParams(AbuseParams.parse(abuse.toString()),
                    new LinkedHashSet<>(Arrays.asList(all.get(SOFTWARE_APPROVED).split(",", -1))),
                    number(all, NODE_MIN_BANDWIDTH), number(all, OPERATOR_MAX_NODES), number(all, JOIN_EFFORT),
                    Duration.ofSeconds(number(all, JOIN_EXPIRY)), Duration.ofSeconds(number(all, EPOCH_LENGTH)));
        } catch (ParamsFormatException | IllegalArgumentException e) {
            throw new DecisionFormatException("parameters: " + e.getMessage());
        }
    }

    /**
     * Checks a proposed change: every key known, every value valid once merged into {@code current}.
     */
    public static void validateChange(Map<String, String> current, Map<String, String> change) throws DecisionFormatException {
        for (String k : change.keySet()) {
            if (!DEFAULTS.containsKey(k)) {
                throw new DecisionFormatException("unknown parameter '" + Lines.abbreviate(k) + "'; known: " + String.join(", ", DEFAULTS.keySet()));
            }
        }
        TreeMap<String, String> merged = new TreeMap<>(current);
        merged.putAll(change);
        of(merged);
    }

    private static long number(Map<String, String> all, String key) throws DecisionFormatException {
        return Lines.number(all.get(key), 0, Long.MAX_VALUE, key);
    }

    private static SortedMap<String, String> defaults() {
        TreeMap<String, String> m = new TreeMap<>();
        for (String line : AbuseParams.defaults().encode().split("\n")) {
            int sp = line.indexOf(' ');
            m.put(ABUSE + line.substring(0, sp), line.substring(sp + 1));
        }
        m.put(SOFTWARE_APPROVED, "0.1.0");
        m.put(NODE_MIN_BANDWIDTH, "10");
        m.put(OPERATOR_MAX_NODES, "10");
        m.put(JOIN_EFFORT, "65536");
        m.put(JOIN_EXPIRY, "3600");
        m.put(EPOCH_LENGTH, "600");
        m.put(MIX_LAYERS, "3");
        return Collections.unmodifiableSortedMap(m);
    }
}

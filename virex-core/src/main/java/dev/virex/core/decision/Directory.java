package dev.virex.core.decision;

import dev.virex.core.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The network state after folding log entries {@code [0, logSize)}: the federation's key and
 * members, the current and previous epoch, parameter changes, admitted nodes, and what the fold
 * needs to stay deterministic when resumed from this snapshot (latest decision time, removed
 * nodes, recent decision hashes). Its canonical text is what a {@link DirectorySnapshot} hashes.
 */
public record Directory(long logSize, Instant latestTime, FederationKey federation, Optional<EpochInfo> epoch,
                        Optional<EpochInfo> previousEpoch, SortedSet<ParamChange> params,
                        SortedMap<String, AdmittedNode> nodes, SortedMap<String, Instant> removed,
                        SortedMap<Bytes, Instant> recent) {
    public static final int MAX_TEXT = 64 << 20;
    static final String VERSION = "virex-directory/v1";

    public Directory {
        params = Collections.unmodifiableSortedSet(new TreeSet<>(params));
        nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
        removed = Collections.unmodifiableSortedMap(new TreeMap<>(removed));
        recent = Collections.unmodifiableSortedMap(new TreeMap<>(recent));
        if (logSize < 1) {
            throw new IllegalArgumentException("a directory covers at least the genesis entry");
        }
    }

    /** The parameters in force at {@code now}: for each key, the latest change already active. */
    public Map<String, String> paramsAt(Instant now) {
        TreeMap<String, String> out = new TreeMap<>();
        for (ParamChange c : params) {
            if (!c.activation().isAfter(now)) {
                out.put(c.key(), c.value());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Changes scheduled after {@code now}, in activation order per key. */
    public List<ParamChange> pendingAt(Instant now) {
        return params.stream().filter(c -> c.activation().isAfter(now)).toList();
    }

    public List<AdmittedNode> nodesWithRole(NodeRole role) {
        return nodes.values().stream().filter(n -> n.info().role() == role).toList();
    }

    public String text() {
        StringBuilder sb = new StringBuilder(4096 + nodes.size() * 300);
        sb.append(VERSION).append('\n')
                .append("log-size ").append(logSize).append('\n')
                .append("latest-time ").append(Lines.format(latestTime)).append('\n')
                .append("federation-since ").append(Lines.format(federation.time())).append('\n')
                .append("group ").append(federation.group().encode()).append('\n')
                .append("threshold ").append(federation.threshold()).append('\n');
        federation.members().forEach(m -> sb.append("member ").append(m.line()).append('\n'));
        federation.previous().ifPresent(p -> sb.append("previous-group ").append(p.encode()).append('\n'));
        epoch.ifPresent(e -> sb.append("epoch ").append(e.line()).append('\n'));
        previousEpoch.ifPresent(e -> sb.append("previous-epoch ").append(e.line()).append('\n'));
        params.forEach(p -> sb.append("param-change ").append(p.line()).append('\n'));
        nodes.values().forEach(n -> sb.append("node ").append(n.line()).append('\n'));
        removed.forEach((id, t) -> sb.append("removed ").append(id).append(' ').append(Lines.format(t)).append('\n'));
        recent.forEach((h, t) -> sb.append("recent ").append(h.toHex()).append(' ').append(Lines.format(t)).append('\n'));
        return sb.toString();
    }

    /** SHA-256 of {@link #text()}. */
    public Bytes digest() {
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Directory parse(String text) throws DecisionFormatException {
        return DirectoryText.parse(text);
    }
}

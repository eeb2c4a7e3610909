package dev.virex.node.routing;

import dev.virex.core.Bytes;
import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.EpochInfo;
import dev.virex.core.decision.NodeRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a node needs to forward, derived from one verified directory: the admitted peers with their
 * keys, roles and addresses, and the mixnodes' layers (docs/spec/nodes.md, "Routing table").
 * Immutable; a node swaps the whole table atomically when the log moves on, so a reader never sees
 * half an update.
 *
 * @param logSize the log entries the directory behind it folded
 * @param epoch the epoch whose seed placed the layers, if the log has one
 */
public record RoutingTable(long logSize, String federation, OptionalLong epoch, Bytes layerSeed, int layers,
                           SortedMap<String, Peer> peers) {
    /** The directory parameter that sets the number of mixnode layers. */
    public static final String LAYERS_PARAM = dev.virex.core.decision.NetworkParams.MIX_LAYERS;

    public RoutingTable {
        peers = Collections.unmodifiableSortedMap(new TreeMap<>(peers));
        if (logSize < 0 || layers < 1 || layers > MixLayers.MAX_LAYERS) {
            throw new IllegalArgumentException("invalid routing table size or layers");
        }
    }

    /** The table before anything was folded. */
    public static RoutingTable empty() {
        return new RoutingTable(0, "", OptionalLong.empty(), MixLayers.NO_SEED, MixLayers.DEFAULT_LAYERS, new TreeMap<>());
    }

    public static RoutingTable of(Directory d) {
        Bytes seed = d.epoch().map(EpochInfo::seed).orElse(MixLayers.NO_SEED);
        int layers = layers(d);
        Map<String, Integer> placed = MixLayers.assign(d.nodesWithRole(NodeRole.MIXNODE), seed, layers);
        TreeMap<String, Peer> peers = new TreeMap<>();
        for (AdmittedNode n : d.nodes().values()) {
            peers.put(n.id(), Peer.of(n, placed.getOrDefault(n.id(), Peer.NO_LAYER)));
        }
        OptionalLong epoch = d.epoch().map(e -> OptionalLong.of(e.epoch())).orElse(OptionalLong.empty());
        return new RoutingTable(d.logSize(), d.federation().group().name(), epoch, seed, layers, peers);
    }

    /**
     * {@code mix.layers} in force at the directory's latest decision time (not the local clock, so
     * that every node derives the same layers), else {@link MixLayers#DEFAULT_LAYERS}.
     */
    static int layers(Directory d) {
        String v = d.paramsAt(d.latestTime()).get(LAYERS_PARAM);
        if (v == null || !v.matches("[1-9][0-9]?")) {
            return MixLayers.DEFAULT_LAYERS;
        }
        int n = Integer.parseInt(v);
        return n <= MixLayers.MAX_LAYERS ? n : MixLayers.DEFAULT_LAYERS;
    }

    public Optional<Peer> peer(String id) {
        return Optional.ofNullable(peers.get(id));
    }

    public boolean contains(String id) {
        return peers.containsKey(id);
    }

    public List<Peer> byRole(NodeRole role) {
        return peers.values().stream().filter(p -> p.role() == role).toList();
    }

    public List<Peer> layer(int layer) {
        return peers.values().stream().filter(p -> p.layer() == layer).toList();
    }

    /** Peers of {@code older} that this table no longer holds (removed, or re-admitted under another key). */
    public List<Peer> droppedSince(RoutingTable older) {
        List<Peer> out = new ArrayList<>();
        for (Peer p : older.peers.values()) {
            Peer now = peers.get(p.id());
            if (now == null || !now.key().equals(p.key())) {
                out.add(p);
            }
        }
        return out;
    }

    /** Peers this table holds that {@code older} did not. */
    public List<Peer> addedSince(RoutingTable older) {
        return peers.values().stream().filter(p -> !p.key().equals(older.peer(p.id()).map(Peer::key).orElse(null))).toList();
    }
}

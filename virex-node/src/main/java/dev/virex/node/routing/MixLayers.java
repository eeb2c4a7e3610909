package dev.virex.node.routing;

import dev.virex.core.Bytes;
import dev.virex.core.decision.AdmittedNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic assignment of mixnodes to layers (docs/spec/nodes.md, "Layers"): every mixnode gets
 * the rank key {@code SHA-256("virex/mix-layer/v1\n" || epoch seed || node id)}; mixnodes sorted by
 * it are dealt to layers 0, 1, ..., L-1, 0, 1, ... so layers differ in size by at most one. The
 * epoch seed is the threshold-signed beacon's (nobody can steer it), so the placement is
 * unpredictable before the epoch and reshuffled each epoch; every node holding the same directory
 * derives the same layers.
 */
public final class MixLayers {
    /** Layers when the directory does not set {@code mix.layers}. */
    public static final int DEFAULT_LAYERS = 3;
    public static final int MAX_LAYERS = 16;
    /** The seed before the log has an epoch beacon. */
    public static final Bytes NO_SEED = Bytes.wrap(new byte[32]);
    private static final byte[] TAG = "virex/mix-layer/v1\n".getBytes(StandardCharsets.US_ASCII);

    private MixLayers() {}

    /** Node id to layer for {@code mixnodes}. */
    public static Map<String, Integer> assign(List<AdmittedNode> mixnodes, Bytes seed, int layers) {
        if (layers < 1 || layers > MAX_LAYERS) {
            throw new IllegalArgumentException("layers must be 1 to " + MAX_LAYERS);
        }
        record Ranked(String id, Bytes rank) {}
        List<Ranked> ranked = new ArrayList<>(mixnodes.size());
        for (AdmittedNode n : mixnodes) {
            ranked.add(new Ranked(n.id(), rank(seed, n.id())));
        }
        ranked.sort(Comparator.comparing(Ranked::rank).thenComparing(Ranked::id));
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            out.put(ranked.get(i).id(), i % layers);
        }
        return out;
    }

    static Bytes rank(Bytes seed, String id) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(TAG);
            sha.update(seed.toArray());
            sha.update(id.getBytes(StandardCharsets.UTF_8));
            return Bytes.wrap(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

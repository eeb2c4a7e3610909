package dev.virex.core.decision;

import dev.virex.core.note.NoteSignature;
import java.util.Optional;

/** What each decision kind does to the state, or the anomaly that stops it from applying. */
final class FoldRules {
    private FoldRules() {}

    static Optional<String> apply(DirectoryFold s, long index, Decision d, NoteSignature groupSig) {
        return switch (d) {
            case FederationKey fk -> {
                s.federation(fk);
                yield Optional.empty();
            }
            case JoinApproved ja -> admit(s, index, ja);
            case JoinRejected jr -> Optional.empty();
            case NodeRemoved nr -> remove(s, nr);
            case ParamsChanged pc -> {
                pc.params().forEach((k, v) -> s.params().add(new ParamChange(k, pc.activation(), v)));
                yield Optional.empty();
            }
            case EpochBeacon eb -> epoch(s, eb, groupSig);
            case DirectorySnapshot ds -> snapshot(s, index, ds);
        };
    }

    private static Optional<String> admit(DirectoryFold s, long index, JoinApproved ja) {
        NodeInfo n = ja.node();
        if (s.nodes().containsKey(n.id())) {
            return Optional.of("node " + n.id() + " is already admitted");
        }
        if (s.nodes().values().stream().anyMatch(a -> a.info().node().publicKey().equals(n.node().publicKey()))) {
            return Optional.of("node key of " + n.id() + " is already admitted under another name");
        }
        var removedAt = s.removed().get(n.id());
        if (removedAt != null && !ja.time().isAfter(removedAt)) {
            return Optional.of("approval of " + n.id() + " is not newer than its removal");
        }
        s.nodes().put(n.id(), new AdmittedNode(n, index, ja.time()));
        return Optional.empty();
    }

    private static Optional<String> remove(DirectoryFold s, NodeRemoved nr) {
        AdmittedNode n = s.nodes().get(nr.nodeId());
        if (n == null || !n.info().node().equals(nr.node())) {
            return Optional.of("node " + nr.nodeId() + " is not admitted with that key");
        }
        if (nr.time().isBefore(n.admittedAt())) {
            return Optional.of("removal of " + nr.nodeId() + " is older than its admission");
        }
        s.nodes().remove(nr.nodeId());
        s.removed().put(nr.nodeId(), nr.time());
        return Optional.empty();
    }

    private static Optional<String> epoch(DirectoryFold s, EpochBeacon eb, NoteSignature groupSig) {
        if (s.epoch() != null && eb.epoch() <= s.epoch().epoch()) {
            return Optional.of("epoch " + eb.epoch() + " does not follow epoch " + s.epoch().epoch());
        }
        s.epoch(new EpochInfo(eb.epoch(), eb.start(), eb.length(), EpochBeacon.seed(eb.epoch(), groupSig)));
        return Optional.empty();
    }

    private static Optional<String> snapshot(DirectoryFold s, long index, DirectorySnapshot ds) {
        if (ds.logSize() != index) {
            return Optional.of("directory snapshot covers " + ds.logSize() + " entries but sits at index " + index);
        }
        Directory now = s.directory();
        if (!now.digest().equals(ds.digest()) || now.nodes().size() != ds.nodes()) {
            return Optional.of("directory snapshot digest differs from the fold of the entries before it");
        }
        return Optional.empty();
    }
}

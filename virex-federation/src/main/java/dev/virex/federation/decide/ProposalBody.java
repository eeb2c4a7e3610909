package dev.virex.federation.decide;

import dev.virex.core.Bytes;
import dev.virex.core.decision.DecisionKind;
import dev.virex.core.decision.Header;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.core.decision.ParamsChanged;
import dev.virex.core.decision.Reason;
import dev.virex.core.note.KeyNames;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import dev.virex.http.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member's proposal to remove a node or change parameters (JSON, broadcast to every member in a
 * {@code propose} envelope). Its ID is SHA-256 of the JSON bytes as the proposer sent them.
 *
 * @param kind {@code remove} or {@code params}
 * @param proposer the proposing member
 * @param time when it was proposed, {@code YYYY-MM-DDTHH:MM:SSZ}
 * @param node for a removal, the node's vkey
 * @param reasons for a removal, {@code code[ text]} lines (1 to 16)
 * @param evidence for a removal, references (probe report hashes, log indexes, URLs; 0 to 16)
 * @param activation for a parameter change, when it takes effect
 * @param params for a parameter change, the keys and values
 */
public record ProposalBody(String kind, String proposer, String time, String node, List<String> reasons, List<String> evidence,
                           String activation, Map<String, String> params) {
    public static final String REMOVE = "remove";
    public static final String PARAMS = "params";

    public ProposalBody {
        if (!REMOVE.equals(kind) && !PARAMS.equals(kind)) {
            throw new IllegalArgumentException("a proposal is 'remove' or 'params'");
        }
        if (proposer == null || !KeyNames.isValid(proposer)) {
            throw new IllegalArgumentException("proposer must be a member name");
        }
        DecisionRequest.instant(time, "time");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        params = params == null ? Map.of() : Map.copyOf(new TreeMap<>(params));
        // The decision this proposal asks for must be constructible: its checks are the format's.
        if (REMOVE.equals(kind)) {
            removal("proposal.check", Instant.parse(time), vkey(node), reasons, evidence);
        } else {
            change("proposal.check", Instant.parse(time), activation, params);
        }
    }

    public static ProposalBody remove(String proposer, Instant time, VerifierKey node, List<String> reasons, List<String> evidence) {
        return new ProposalBody(REMOVE, proposer, time.toString(), node.encode(), reasons, evidence, null, null);
    }

    public static ProposalBody params(String proposer, Instant time, Instant activation, Map<String, String> params) {
        return new ProposalBody(PARAMS, proposer, time.toString(), null, List.of(), List.of(), activation.toString(), params);
    }

    public Instant instant() {
        return Instant.parse(time);
    }

    public VerifierKey nodeKey() {
        return vkey(node);
    }

    private static VerifierKey vkey(String node) {
        try {
            return VerifierKey.parse(node == null ? "" : node);
        } catch (NoteException e) {
            throw new IllegalArgumentException("node must be the node's vkey: " + e.getMessage());
        }
    }

    /** The removal decision of {@code federation} at {@code decisionTime}. */
    public NodeRemoved removal(String federation, Instant decisionTime) {
        return removal(federation, decisionTime, nodeKey(), reasons, evidence);
    }

    private static NodeRemoved removal(String federation, Instant t, VerifierKey node, List<String> reasons, List<String> evidence) {
        List<Reason> rs = DecisionRequest.parsedReasons(reasons);
        return new NodeRemoved(new Header(DecisionKind.NODE_REMOVED, federation, t), node, rs, evidence);
    }

    /** The parameter decision of {@code federation} at {@code decisionTime}. */
    public ParamsChanged change(String federation, Instant decisionTime) {
        return change(federation, decisionTime, activation, params);
    }

    private static ParamsChanged change(String federation, Instant t, String activation, Map<String, String> params) {
        Instant at = DecisionRequest.instant(activation, "activation");
        return new ParamsChanged(new Header(DecisionKind.PARAMS_CHANGED, federation, t), at, new TreeMap<>(params));
    }

    public byte[] encode() {
        return Json.write(this);
    }

    public static String id(byte[] encoded) {
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(encoded)).toHex();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

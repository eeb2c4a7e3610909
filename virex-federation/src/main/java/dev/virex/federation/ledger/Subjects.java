package dev.virex.federation.ledger;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Decision;
import dev.virex.core.decision.DirectorySnapshot;
import dev.virex.core.decision.EpochBeacon;
import dev.virex.core.decision.FederationKey;
import dev.virex.core.decision.JoinApproved;
import dev.virex.core.decision.JoinRejected;
import dev.virex.core.decision.NodeRemoved;
import dev.virex.core.decision.ParamsChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a decision is about, independent of its time: the key under which members find "is this
 * already decided?" in the log before coordinating, and under which a signer records what it
 * signed. {@code join:<request ID>}, {@code remove:<hash>} and {@code params:<hash>} (SHA-256 of
 * the decision text after its four header lines), {@code epoch:<n>}, {@code directory:<log size>},
 * {@code genesis}, {@code genesis-params}.
 */
public final class Subjects {
    private Subjects() {}

    public static String of(Decision d) {
        return switch (d) {
            case JoinApproved ja -> join(ja.request());
            case JoinRejected jr -> join(jr.request());
            case NodeRemoved nr -> "remove:" + bodyHash(nr);
            case ParamsChanged pc -> "params:" + bodyHash(pc);
            case EpochBeacon eb -> epoch(eb.epoch());
            case DirectorySnapshot ds -> directory(ds.logSize());
            case FederationKey fk -> "genesis";
        };
    }

    public static String join(Bytes requestId) {
        return "join:" + requestId.toHex();
    }

    public static String epoch(long n) {
        return "epoch:" + n;
    }

    public static String directory(long size) {
        return "directory:" + size;
    }

    /** SHA-256 of the decision text without its header (version, kind, federation, time). */
    static String bodyHash(Decision d) {
        String t = d.text();
        int at = 0;
        for (int i = 0; i < 4; i++) {
            at = t.indexOf('\n', at) + 1;
        }
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(t.substring(at).getBytes(StandardCharsets.UTF_8))).toHex();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

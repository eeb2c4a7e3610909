package dev.virex.auditor.gossip;

import dev.virex.auditor.text.Fields;
import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What auditors exchange to detect split views: the latest checkpoints each has verified, as the
 * signed notes it received (cosignatures included), so that each can check the other's against
 * its own view of the log.
 *
 * <pre>
 * virex-gossip/v1
 * checkpoint &lt;base64 of a signed checkpoint note&gt;   (0 to 16 lines)
 * </pre>
 *
 * The checkpoints are not trusted: the receiver verifies each under the log key it knows and
 * ignores the others. Parsing is strict and canonical. Implementation limits:
 * {@link #MAX_CHECKPOINTS} checkpoints of at most {@link SignedCheckpoint#MAX_BYTES} each.
 */
public record GossipMessage(List<Bytes> checkpoints) {
    public static final String VERSION = "virex-gossip/v1";
    public static final int MAX_CHECKPOINTS = 16;
    public static final int MAX_BYTES = 32 + MAX_CHECKPOINTS * (12 + (SignedCheckpoint.MAX_BYTES + 2) / 3 * 4);

    public GossipMessage {
        checkpoints = List.copyOf(checkpoints);
        if (checkpoints.size() > MAX_CHECKPOINTS
                || checkpoints.stream().anyMatch(c -> c.length() == 0 || c.length() > SignedCheckpoint.MAX_BYTES)) {
            throw new IllegalArgumentException("0 to " + MAX_CHECKPOINTS + " checkpoints of 1 to " + SignedCheckpoint.MAX_BYTES + " bytes");
        }
    }

    public byte[] encode() {
        StringBuilder sb = new StringBuilder(64 + checkpoints.size() * 400).append(VERSION).append('\n');
        checkpoints.forEach(c -> sb.append("checkpoint ").append(c.toBase64()).append('\n'));
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static GossipMessage parse(byte[] body) throws GossipFormatException {
        Fields<GossipFormatException> in = Fields.of(body, MAX_BYTES, GossipFormatException::new);
        in.literal(VERSION);
        List<Bytes> cps = new ArrayList<>();
        for (String line : in.repeated("checkpoint", MAX_CHECKPOINTS)) {
            byte[] cp = Base64s.decodeCanonical(line)
                    .orElseThrow(() -> new GossipFormatException("a checkpoint must be canonical base64"));
            if (cp.length > SignedCheckpoint.MAX_BYTES) {
                throw new GossipFormatException("a checkpoint is larger than " + SignedCheckpoint.MAX_BYTES + " bytes");
            }
            cps.add(Bytes.wrap(cp));
        }
        in.end();
        return new GossipMessage(cps);
    }
}

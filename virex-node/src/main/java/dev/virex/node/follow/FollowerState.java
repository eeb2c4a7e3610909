package dev.virex.node.follow;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.decision.DecisionFormatException;
import dev.virex.core.decision.Directory;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteVerifier;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a node persists so that a restart resumes where it stopped (docs/spec/nodes.md,
 * "Persistence"): the last accepted checkpoint, exactly as received (witness cosignatures
 * included), and the directory folded under it.
 *
 * <pre>
 * virex-node-state/v1
 * checkpoint &lt;base64 of the signed checkpoint note&gt;
 * directory-sha256 &lt;hex SHA-256 of the directory text&gt;
 *
 * &lt;directory text&gt;
 * </pre>
 *
 * Parsing is strict and canonical, checks the checkpoint's log signature, the digest (a torn or
 * corrupted file is refused, never half read) and that the directory is within the checkpoint's
 * tree. Limit: {@link #MAX_BYTES}.
 */
public record FollowerState(SignedCheckpoint checkpoint, Directory directory) {
    static final String VERSION = "virex-node-state/v1";
    public static final int MAX_BYTES = Directory.MAX_TEXT + 2 * SignedCheckpoint.MAX_BYTES + 256;

    public FollowerState {
        if (directory.logSize() > checkpoint.checkpoint().size()) {
            throw new IllegalArgumentException("the directory covers more entries than its checkpoint");
        }
    }

    public byte[] encode() {
        String text = directory.text();
        String head = VERSION + "\ncheckpoint " + checkpoint.raw().toBase64() + "\ndirectory-sha256 "
                + HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8))) + "\n\n";
        return (head + text).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a state file whose checkpoint must be signed by {@code logKey} (origin: its name). */
    public static FollowerState parse(byte[] data, NoteVerifier logKey) throws StateFormatException {
        if (data.length > MAX_BYTES) {
            throw new StateFormatException("state file larger than " + MAX_BYTES + " bytes");
        }
        String s = utf8(data);
        String[] head = new String[4];
        int pos = 0;
        for (int i = 0; i < head.length; i++) {
            int nl = s.indexOf('\n', pos);
            if (nl < 0) {
                throw new StateFormatException("state file is truncated in its header");
            }
            head[i] = s.substring(pos, nl);
            pos = nl + 1;
        }
        if (!head[0].equals(VERSION) || !head[1].startsWith("checkpoint ") || !head[2].startsWith("directory-sha256 ")
                || !head[3].isEmpty()) {
            throw new StateFormatException("state file must start with " + VERSION + ", checkpoint, directory-sha256 and a blank line");
        }
        byte[] cp = Base64s.decodeCanonical(head[1].substring("checkpoint ".length()))
                .orElseThrow(() -> new StateFormatException("checkpoint is not canonical base64"));
        String text = s.substring(pos);
        String digest = HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
        if (!head[2].substring("directory-sha256 ".length()).equals(digest)) {
            throw new StateFormatException("directory digest mismatch: the state file is truncated or corrupted");
        }
        try {
            FollowerState st = new FollowerState(SignedCheckpoint.open(cp, logKey), Directory.parse(text));
            if (!Bytes.wrap(st.encode()).equals(Bytes.wrap(data))) {
                throw new StateFormatException("state file is not in canonical form");
            }
            return st;
        } catch (NoteException | CheckpointFormatException e) {
            throw new StateFormatException("persisted checkpoint does not verify: " + e.getMessage(), e);
        } catch (DecisionFormatException e) {
            throw new StateFormatException("persisted directory: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new StateFormatException(e.getMessage(), e);
        }
    }

    private static String utf8(byte[] data) throws StateFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new StateFormatException("state file is not UTF-8");
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

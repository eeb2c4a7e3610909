package dev.virex.core.witness;

import dev.virex.core.Bytes;
import dev.virex.core.note.NoteSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A transparency-log witness as its C2SP tlog-witness HTTP interface: the witness in process
 * implements it, the HTTP client implements it over the wire, the HTTP server adapts any
 * implementation; logs and auditors talk to either.
 */
public interface WitnessApi {
    /**
     * {@code POST <submission prefix>/add-checkpoint}: checks the checkpoint against the latest one
     * cosigned for its origin and returns the witness's cosignature lines (C2SP tlog-cosignature).
     */
    List<NoteSignature> addCheckpoint(AddCheckpointRequest request) throws WitnessException, IOException;

    /**
     * {@code GET <monitoring prefix>/<origin hash>/checkpoint}: the latest checkpoint cosigned for
     * {@code origin}, with the log signatures the witness verified and its own cosignature; empty
     * if it never cosigned one for that log.
     */
    Optional<Bytes> latestCheckpoint(String origin) throws IOException;

    /** The path segment naming a log on the monitoring prefix: lowercase hex SHA-256 of its origin. */
    static String originHash(String origin) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

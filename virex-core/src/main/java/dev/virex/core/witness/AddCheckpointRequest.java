package dev.virex.core.witness;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.MerkleHash;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a C2SP tlog-witness {@code add-checkpoint} request: an old size line
 * {@code old <size>}, zero to 63 consistency proof lines (base64 hashes), an empty line, then the
 * checkpoint as a signed note (C2SP tlog-checkpoint), which may carry several signatures. Every
 * line ends in a newline. Parsing is strict and canonical ({@code parse(b).encode()} gives back
 * {@code b}); the checkpoint is kept as bytes, to be opened by the witness over exactly what was
 * sent.
 *
 * <p>Implementation limits: at most {@link #MAX_PROOF_HASHES} proof lines (the spec's bound), a
 * checkpoint of at most {@link SignedCheckpoint#MAX_BYTES}, a body of at most {@link #MAX_BYTES}.
 */
public record AddCheckpointRequest(long oldSize, List<Bytes> proof, Bytes checkpoint) {
    /** tlog-witness: "The client MUST NOT send more than 63 consistency proof lines." */
    public static final int MAX_PROOF_HASHES = 63;
    /** Old size line, proof lines (44 base64 characters and a newline each), blank line, checkpoint. */
    public static final int MAX_BYTES = 24 + MAX_PROOF_HASHES * 45 + 1 + SignedCheckpoint.MAX_BYTES;

    public AddCheckpointRequest {
        proof = List.copyOf(proof);
        if (oldSize < 0) {
            throw new IllegalArgumentException("negative old size");
        }
        if (proof.size() > MAX_PROOF_HASHES) {
            throw new IllegalArgumentException("more than " + MAX_PROOF_HASHES + " consistency proof lines");
        }
        for (Bytes h : proof) {
            if (h.length() != MerkleHash.BYTES) {
                throw new IllegalArgumentException("proof hashes are " + MerkleHash.BYTES + " bytes");
            }
        }
        if (checkpoint.length() == 0 || checkpoint.length() > SignedCheckpoint.MAX_BYTES) {
            throw new IllegalArgumentException("checkpoint must be 1 to " + SignedCheckpoint.MAX_BYTES + " bytes");
        }
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + proof.size() * 45 + checkpoint.length());
        out.writeBytes(("old " + oldSize + "\n").getBytes(StandardCharsets.US_ASCII));
        for (Bytes h : proof) {
            out.writeBytes((h.toBase64() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write('\n');
        out.writeBytes(checkpoint.toArray());
        return out.toByteArray();
    }

    public static AddCheckpointRequest parse(byte[] body) throws WitnessFormatException {
        if (body.length > MAX_BYTES) {
            throw new WitnessFormatException("request body is " + body.length + " bytes, limit " + MAX_BYTES);
        }
        int pos = 0;
        int eol = lineEnd(body, pos);
        String first = ascii(body, pos, eol);
        if (!first.startsWith("old ")) {
            throw new WitnessFormatException("the request must start with an 'old <size>' line");
        }
        long old = decimal(first.substring(4));
        pos = eol + 1;
        List<Bytes> proof = new ArrayList<>();
        while (true) {
            eol = lineEnd(body, pos);
            if (eol == pos) {
                pos++;
                break;
            }
            if (proof.size() == MAX_PROOF_HASHES) {
                throw new WitnessFormatException("more than " + MAX_PROOF_HASHES + " consistency proof lines");
            }
            byte[] h = Base64s.decodeCanonical(ascii(body, pos, eol))
                    .orElseThrow(() -> new WitnessFormatException("a proof line is not canonical base64"));
            if (h.length != MerkleHash.BYTES) {
                throw new WitnessFormatException("a proof line must encode a " + MerkleHash.BYTES + "-byte hash");
            }
            proof.add(Bytes.wrap(h));
            pos = eol + 1;
        }
        int rest = body.length - pos;
        if (rest == 0 || rest > SignedCheckpoint.MAX_BYTES) {
            throw new WitnessFormatException("the checkpoint after the empty line must be 1 to " + SignedCheckpoint.MAX_BYTES + " bytes");
        }
        return new AddCheckpointRequest(old, proof, Bytes.of(body, pos, rest));
    }

    /** A canonical decimal tree size: no sign, no leading zeros, at most 2^63 - 1. */
    static long decimal(String s) throws WitnessFormatException {
        if (!s.matches("0|[1-9][0-9]{0,18}")) {
            throw new WitnessFormatException("the old size must be a decimal number without leading zeros");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new WitnessFormatException("the old size is out of range", e);
        }
    }

    private static int lineEnd(byte[] b, int from) throws WitnessFormatException {
        for (int i = from; i < b.length && i < from + 128; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        throw new WitnessFormatException("a request line is missing its newline or longer than 127 bytes");
    }

    private static String ascii(byte[] b, int from, int to) throws WitnessFormatException {
        for (int i = from; i < to; i++) {
            if (b[i] < 0x20 || b[i] > 0x7e) {
                throw new WitnessFormatException("request lines before the checkpoint must be printable ASCII");
            }
        }
        return new String(b, from, to - from, StandardCharsets.US_ASCII);
    }
}

package dev.virex.core.tlog;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.InclusionProof;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.ProofException;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteVerifier;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An offline-verifiable proof that an entry is in a log, C2SP tlog-proof (v1): the header line,
 * optional base64 extra data, the entry index, the inclusion proof (one base64 hash per line, leaf
 * side first), a blank line and the log's checkpoint verbatim, cosignatures included.
 * {@code parse(b).encode()} gives back exactly {@code b}.
 *
 * <p>Implementation limits: at most {@link #MAX_BYTES} bytes in all, extra data of at most
 * {@link #MAX_EXTRA_BYTES} bytes, at most {@link InclusionProof#MAX_HASHES} proof hashes.
 */
public record TlogProof(Optional<Bytes> extra, long index, List<Bytes> hashes, Bytes checkpoint) {
    public static final String HEADER = "c2sp.org/tlog-proof@v1";
    public static final int MAX_EXTRA_BYTES = 4096;
    public static final int MAX_BYTES = 8192 + SignedCheckpoint.MAX_BYTES + MAX_EXTRA_BYTES * 2;

    public TlogProof {
        hashes = List.copyOf(hashes);
        if (extra.isPresent() && (extra.get().length() == 0 || extra.get().length() > MAX_EXTRA_BYTES)) {
            throw new IllegalArgumentException("extra data must be 1 to " + MAX_EXTRA_BYTES + " bytes");
        }
        if (index < 0) {
            throw new IllegalArgumentException("negative index");
        }
        if (hashes.size() > InclusionProof.MAX_HASHES) {
            throw new IllegalArgumentException("more than " + InclusionProof.MAX_HASHES + " proof hashes");
        }
        for (Bytes h : hashes) {
            if (h.length() != MerkleHash.BYTES) {
                throw new IllegalArgumentException("proof hashes must be 32 bytes");
            }
        }
        if (checkpoint.length() == 0 || checkpoint.length() > SignedCheckpoint.MAX_BYTES) {
            throw new IllegalArgumentException("checkpoint must be 1 to " + SignedCheckpoint.MAX_BYTES + " bytes");
        }
    }

    /** A receipt from an inclusion proof and the signed checkpoint of the proof's tree size. */
    public static TlogProof of(InclusionProof proof, SignedCheckpoint checkpoint) {
        if (proof.size() != checkpoint.checkpoint().size()) {
            throw new IllegalArgumentException("proof is for size " + proof.size() + ", checkpoint for "
                    + checkpoint.checkpoint().size());
        }
        return new TlogProof(Optional.empty(), proof.index(), proof.hashes(), checkpoint.raw());
    }

    public static TlogProof parse(byte[] data) throws TileFormatException {
        if (data.length > MAX_BYTES) {
            throw new TileFormatException("tlog-proof of " + data.length + " bytes exceeds " + MAX_BYTES);
        }
        int pos = 0;
        String line = line(data, pos);
        if (!line.equals(HEADER)) {
            throw new TileFormatException("tlog-proof must start with " + HEADER);
        }
        pos += line.length() + 1;
        line = line(data, pos);
        Optional<Bytes> extra = Optional.empty();
        if (line.startsWith("extra ")) {
            byte[] x = Base64s.decodeCanonical(line.substring(6))
                    .orElseThrow(() -> new TileFormatException("tlog-proof extra data is not canonical base64"));
            if (x.length > MAX_EXTRA_BYTES) {
                throw new TileFormatException("tlog-proof extra data exceeds " + MAX_EXTRA_BYTES + " bytes");
            }
            extra = Optional.of(Bytes.wrap(x));
            pos += line.length() + 1;
            line = line(data, pos);
        }
        if (!line.startsWith("index ")) {
            throw new TileFormatException("tlog-proof needs an 'index N' line");
        }
        long index = decimal(line.substring(6));
        pos += line.length() + 1;
        List<Bytes> hashes = new ArrayList<>();
        while (!(line = line(data, pos)).isEmpty()) {
            if (hashes.size() == InclusionProof.MAX_HASHES) {
                throw new TileFormatException("tlog-proof has more than " + InclusionProof.MAX_HASHES + " hashes");
            }
            byte[] h = Base64s.decodeCanonical(line)
                    .orElseThrow(() -> new TileFormatException("tlog-proof hash is not canonical base64"));
            if (h.length != MerkleHash.BYTES) {
                throw new TileFormatException("tlog-proof hashes must be 32 bytes");
            }
            hashes.add(Bytes.wrap(h));
            pos += line.length() + 1;
        }
        pos += 1; // the blank line
        if (pos >= data.length || data.length - pos > SignedCheckpoint.MAX_BYTES) {
            throw new TileFormatException("tlog-proof must end with a checkpoint of at most " + SignedCheckpoint.MAX_BYTES + " bytes");
        }
        return new TlogProof(extra, index, hashes, Bytes.of(Arrays.copyOfRange(data, pos, data.length)));
    }

    /** The line starting at {@code pos}, which must end with a newline; ASCII only. */
    private static String line(byte[] data, int pos) throws TileFormatException {
        for (int i = pos; i < data.length && i - pos <= MAX_BYTES; i++) {
            if (data[i] == '\n') {
                String s = new String(data, pos, i - pos, StandardCharsets.ISO_8859_1);
                for (int j = 0; j < s.length(); j++) {
                    if (s.charAt(j) < 0x20 || s.charAt(j) > 0x7e) {
                        throw new TileFormatException("tlog-proof header lines must be printable ASCII");
                    }
                }
                return s;
            }
        }
        throw new TileFormatException("tlog-proof ends before its checkpoint");
    }

    private static long decimal(String s) throws TileFormatException {
        if (s.isEmpty() || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')
                || (s.length() > 1 && s.charAt(0) == '0')) {
            throw new TileFormatException("tlog-proof index must be a decimal number without leading zeroes");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new TileFormatException("tlog-proof index out of range");
        }
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + checkpoint.length());
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        extra.ifPresent(x -> sb.append("extra ").append(x.toBase64()).append('\n'));
        sb.append("index ").append(index).append('\n');
        hashes.forEach(h -> sb.append(h.toBase64()).append('\n'));
        sb.append('\n');
        out.writeBytes(sb.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(checkpoint.toArray());
        return out.toByteArray();
    }

    /**
     * Verifies the proof for an entry whose leaf hash the caller computed (C2SP tlog-proof,
     * "Verifying a tlog proof", step 1): the checkpoint's origin and log signature (step 2) and
     * the inclusion proof against its root (step 4). Cosignatures (step 3) are application policy:
     * they are in the returned checkpoint's {@code note().unverified()} for the caller to check.
     */
    public SignedCheckpoint verify(Bytes leafHash, String origin, NoteVerifier log)
            throws NoteException, CheckpointFormatException, ProofException {
        // tlog-proof step 2: the origin is acceptable and the log signed the checkpoint.
        SignedCheckpoint cp = SignedCheckpoint.open(checkpoint.toArray(), origin, log);
        // tlog-proof step 4: the inclusion proof binds the leaf hash to the signed root
        // (RFC 9162 section 2.1.3.2, which also checks index < tree size).
        new InclusionProof(index, cp.checkpoint().size(), hashes).verify(leafHash, cp.checkpoint().rootHash());
        return cp;
    }
}

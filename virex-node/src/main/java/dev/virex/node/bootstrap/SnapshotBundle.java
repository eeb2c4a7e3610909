package dev.virex.node.bootstrap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.decision.Directory;
import dev.virex.core.tlog.EntryBundle;
import dev.virex.core.tlog.TlogProof;
import dev.virex.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code GET /directory} on a federation member returns (docs/spec/nodes.md, "Bootstrap"): the
 * latest {@code directory} snapshot decision as logged, its log index, the directory text it
 * hashes, and a C2SP tlog-proof of the entry whose checkpoint carries the witness cosignatures.
 *
 * <pre>{"index": 1234, "entry": "&lt;base64 entry&gt;", "directory": "&lt;text&gt;", "proof": "&lt;tlog-proof text&gt;"}</pre>
 *
 * Parsing is strict: exactly these four members, once each, {@code index} a non-negative integer,
 * {@code entry} canonical base64. Limits: {@link #MAX_BYTES} in all, the entry at most
 * {@link EntryBundle#MAX_ENTRY_BYTES}, the directory at most {@link Directory#MAX_TEXT}, the proof
 * at most {@link TlogProof#MAX_BYTES}. Nothing is verified here: see {@link SnapshotVerifier}.
 */
public record SnapshotBundle(long index, Bytes entry, String directory, Bytes proof) {
    /** The directory text plus JSON escaping of its newlines, the entry and the proof. */
    public static final int MAX_BYTES = Directory.MAX_TEXT + Directory.MAX_TEXT / 8 + (1 << 18);
    private static final Set<String> FIELDS = Set.of("index", "entry", "directory", "proof");
    private static final ObjectMapper MAPPER = mapper();

    public SnapshotBundle {
        if (index < 0) {
            throw new IllegalArgumentException("negative index");
        }
        if (entry.length() == 0 || entry.length() > EntryBundle.MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("entry must be 1 to " + EntryBundle.MAX_ENTRY_BYTES + " bytes");
        }
        if (directory.isEmpty() || directory.length() > Directory.MAX_TEXT) {
            throw new IllegalArgumentException("directory must be 1 to " + Directory.MAX_TEXT + " characters");
        }
        if (proof.length() == 0 || proof.length() > TlogProof.MAX_BYTES) {
            throw new IllegalArgumentException("proof must be 1 to " + TlogProof.MAX_BYTES + " bytes");
        }
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = Json.MAPPER.copy();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Json.MAX_NESTING).maxStringLength(Directory.MAX_TEXT + 1).build());
        return m;
    }

    public byte[] encode() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("entry", entry.toBase64());
        m.put("directory", directory);
        m.put("proof", new String(proof.toArray(), StandardCharsets.UTF_8));
        try {
            return MAPPER.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SnapshotBundle parse(byte[] json) throws BundleFormatException {
        if (json.length > MAX_BYTES) {
            throw new BundleFormatException("snapshot bundle larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try (JsonParser p = MAPPER.createParser(json)) {
            root = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw new BundleFormatException("snapshot bundle has data after the JSON object");
            }
        } catch (IOException e) {
            throw new BundleFormatException("snapshot bundle is not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject() || root.size() != FIELDS.size()) {
            throw new BundleFormatException("snapshot bundle must be an object with exactly index, entry, directory and proof");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new BundleFormatException("unknown snapshot bundle member '" + firstLine(f) + "'");
            }
        }
        JsonNode index = root.get("index");
        if (!index.isIntegralNumber() || !index.canConvertToLong() || index.asLong() < 0) {
            throw new BundleFormatException("index must be a non-negative integer");
        }
        byte[] entry = Base64s.decodeCanonical(text(root, "entry"))
                .orElseThrow(() -> new BundleFormatException("entry must be canonical base64"));
        try {
            return new SnapshotBundle(index.asLong(), Bytes.wrap(entry), text(root, "directory"),
                    Bytes.wrap(text(root, "proof").getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException("snapshot bundle: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String field) throws BundleFormatException {
        JsonNode n = root.get(field);
        if (!n.isTextual()) {
            throw new BundleFormatException(field + " must be a string");
        }
        return n.asText();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}

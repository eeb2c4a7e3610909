package dev.virex.auditor.check;

import dev.virex.auditor.notice.Finding;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSignature;
import dev.virex.crypto.frost.AttestationBatch;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.GroupKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Attestation checks in batches ({@link AttestationBatch}: one random linear combination of all
 * share equations of up to {@link #MAX_BATCH} entries of one group). An entry whose attestation is
 * malformed or fails a structural check is checked at once with {@code DecisionEntry.open}; when a
 * batch fails, each of its entries is: so every finding comes from the same strict check as
 * without batching, only later (at {@link #flush}).
 */
final class AttestationQueue {
    static final int MAX_BATCH = 256;

    private record Pending(long index, String kind, byte[] entry) {}

    private final SecureRandom random;
    private final Consumer<Finding> findings;
    private final List<Pending> pending = new ArrayList<>();
    private AttestationBatch batch;
    private GroupKey group;

    AttestationQueue(SecureRandom random, Consumer<Finding> findings) {
        this.random = random;
        this.findings = findings;
    }

    /** Queues the entry's attestation against {@code g}; the members it names (as yet unverified). */
    List<String> add(long index, String kind, byte[] entry, GroupKey g) {
        if (!g.equals(group)) {
            flush();
            group = g;
            batch = new AttestationBatch(g, random);
        }
        try {
            Note n = Note.parse(entry);
            String attName = g.vkey().name() + "/attestation";
            List<NoteSignature> atts = n.signatures().stream().filter(s -> s.name().equals(attName)).toList();
            NoteSignature sig = n.signatures().stream()
                    .filter(s -> s.name().equals(g.vkey().name()) && s.keyId() == g.vkey().keyId()).findFirst().orElse(null);
            if (atts.size() == 1 && sig != null) {
                byte[] text = atts.get(0).signature().toArray();
                batch.add(text, n.text().getBytes(StandardCharsets.UTF_8), sig.signature());
                pending.add(new Pending(index, kind, entry));
                List<String> names = signerNames(text);
                if (pending.size() >= MAX_BATCH) {
                    flush();
                }
                return names;
            }
        } catch (NoteException | FrostException | RuntimeException e) {
            // not batchable: the strict check below says why
        }
        Attestations.Result r = Attestations.check(index, kind, entry, g);
        r.finding().ifPresent(findings);
        return r.signers();
    }

    /** Verifies what is queued; on failure, finds the bad entries with the strict check. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        if (!batch.verify()) {
            for (Pending p : pending) {
                Attestations.check(p.index(), p.kind(), p.entry(), group).finding().ifPresent(findings);
            }
        }
        pending.clear();
    }

    private static List<String> signerNames(byte[] attestation) {
        List<String> out = new ArrayList<>();
        for (String line : new String(attestation, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("signer ")) {
                String[] f = line.split(" ");
                if (f.length > 2) {
                    out.add(f[2]);
                }
            }
        }
        return out;
    }

}

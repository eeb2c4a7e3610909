package dev.virex.log.witness;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.witness.AddCheckpointRequest;
import dev.virex.core.witness.WitnessApi;
import dev.virex.core.witness.WitnessException;
import dev.virex.log.server.CosignStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's view of one witness: the size it last cosigned (unknown at first, so the first request
 * says old size 0, which tlog-witness allows for learning it), and one cosigning exchange: a 409
 * is answered by retrying from the size the witness reports, at most {@link #MAX_REQUESTS}
 * requests in all; the cosignature returned must verify under the witness's key in the policy.
 */
final class WitnessLink {
    private static final Logger log = LoggerFactory.getLogger(WitnessLink.class);
    static final int MAX_REQUESTS = 3;

    /** The outcome of asking: the verified cosignature, or why there is none. */
    record Answer(String witness, Optional<NoteSignature> cosignature, String failure) {}

    private final TlogPolicy.Witness witness;
    private final WitnessApi api;
    private final NoteVerifier verifier;
    private final AtomicLong known = new AtomicLong();

    WitnessLink(TlogPolicy.Witness witness, WitnessApi api) {
        this.witness = witness;
        this.api = api;
        this.verifier = Cosignature.verifier(witness.key());
    }

    String name() {
        return witness.name();
    }

    /** The size this witness is known to have cosigned (0 until it says). */
    long knownSize() {
        return known.get();
    }

    Answer ask(SignedCheckpoint cp, CosignStep.Proofs proofs) {
        try {
            return new Answer(name(), Optional.of(exchange(cp, proofs)), "");
        } catch (WitnessException e) {
            return new Answer(name(), Optional.empty(), e.kind() + " (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            return new Answer(name(), Optional.empty(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private NoteSignature exchange(SignedCheckpoint cp, CosignStep.Proofs proofs) throws WitnessException, IOException {
        long size = cp.checkpoint().size();
        long old = known.get();
        for (int i = 1; ; i++) {
            if (old > size) {
                // The witness cosigned a larger tree of this log than the one being published: this
                // log rolled back, or someone showed the witness another history.
                log.error("witness {} has cosigned tree size {} of this log, beyond the size {} being published",
                        name(), old, size);
                throw new IOException("the witness has cosigned a larger tree (size " + old + ") than " + size);
            }
            List<Bytes> proof = old == 0 || old == size ? List.of() : proofs.between(old, size).hashes();
            try {
                List<NoteSignature> sigs = api.addCheckpoint(new AddCheckpointRequest(old, proof, cp.raw()));
                known.set(size);
                return verified(cp, sigs);
            } catch (WitnessException e) {
                OptionalLong theirs = e.knownSize();
                if (theirs.isEmpty() || i == MAX_REQUESTS) {
                    throw e;
                }
                old = theirs.getAsLong(); // tlog-witness 409: retry from the witness's size
                known.set(old);
            }
        }
    }

    /** The witness's cosignature among the lines it returned (C2SP tlog-cosignature), verified. */
    private NoteSignature verified(SignedCheckpoint cp, List<NoteSignature> sigs) throws IOException {
        byte[] text = cp.note().text().getBytes(StandardCharsets.UTF_8);
        for (NoteSignature s : sigs) {
            if (s.name().equals(verifier.name()) && s.keyId() == verifier.keyId()) {
                if (!verifier.verify(text, 0, text.length, s.signature().toArray())) {
                    throw new IOException("the witness returned a cosignature that does not verify under its key");
                }
                if (Cosignature.timestamp(s).orElse(0) == 0) {
                    throw new IOException("the witness returned a cosignature without a timestamp");
                }
                return s;
            }
        }
        throw new IOException("the witness returned no cosignature by its key " + witness.key().encode());
    }
}

package dev.virex.witness;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Checkpoint;
import dev.virex.core.checkpoint.CheckpointFormatException;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.ConsistencyProof;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.ProofException;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import dev.virex.core.witness.AddCheckpointRequest;
import dev.virex.core.witness.WitnessApi;
import dev.virex.core.witness.WitnessException;
import dev.virex.core.witness.WitnessException.Kind;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A witness (C2SP tlog-witness, "add-checkpoint"): for each log it knows (origin = the log key's
 * name; several keys per origin allowed), it cosigns a checkpoint only if it is consistent with the
 * latest one it cosigned for that origin, and records the new one durably before answering.
 * Checks run in the order of the spec; each refusal is a {@link WitnessException} of the kind
 * whose status the spec prescribes.
 */
public final class CheckpointWitness implements WitnessApi {
    private static final Logger log = LoggerFactory.getLogger(CheckpointWitness.class);

    private final Map<String, Verifiers> logs;
    private final SignerKey key;
    private final WitnessStore store;
    private final Clock clock;

    public CheckpointWitness(Collection<VerifierKey> logKeys, SignerKey key, WitnessStore store, Clock clock) {
        Map<String, List<VerifierKey>> byOrigin = new HashMap<>();
        for (VerifierKey k : logKeys) {
            byOrigin.computeIfAbsent(k.name(), o -> new ArrayList<>()).add(k);
        }
        Map<String, Verifiers> m = new HashMap<>();
        byOrigin.forEach((origin, keys) -> m.put(origin, Verifiers.ofKeys(keys)));
        this.logs = Map.copyOf(m);
        this.key = key;
        this.store = store;
        this.clock = clock;
    }

    /** This witness's cosigner vkey (signature type 0x04), which policies list. */
    public VerifierKey cosignerKey() {
        return Cosignature.cosignerKey(key.verifierKey());
    }

    @Override
    public List<NoteSignature> addCheckpoint(AddCheckpointRequest req) throws WitnessException, IOException {
        byte[] raw = req.checkpoint().toArray();
        Checkpoint cp = parse(raw);
        Verifiers trusted = logs.get(cp.origin());
        if (trusted == null) {
            throw new WitnessException(Kind.UNKNOWN_ORIGIN, "unknown log origin '" + cp.origin() + "'");
        }
        VerifiedNote note;
        try {
            // tlog-witness: verify against the keys trusted for the origin, ignoring unknown keys.
            note = Note.open(raw, trusted, SignedCheckpoint.MAX_BYTES);
        } catch (NoteException e) {
            throw new WitnessException(Kind.BAD_SIGNATURE, "checkpoint signature: " + e.getMessage());
        }
        // tlog-witness: "The old size MUST be equal to or lower than the checkpoint size", else 400.
        if (req.oldSize() > cp.size()) {
            throw new WitnessException(Kind.MALFORMED, "old size " + req.oldSize() + " exceeds the checkpoint size " + cp.size());
        }
        Optional<WitnessStore.Witnessed> last = store.latest(cp.origin());
        long known = last.map(WitnessStore.Witnessed::size).orElse(0L);
        // tlog-witness: the old size must match the latest cosigned size (or 0), else 409 with it.
        if (req.oldSize() != known) {
            throw WitnessException.conflict(known, "old size " + req.oldSize() + " is not the latest cosigned size " + known);
        }
        checkConsistency(req, cp, last.map(WitnessStore.Witnessed::root).orElse(MerkleHash.EMPTY_ROOT));
        long time = clock.instant().getEpochSecond();
        if (time <= 0) {
            throw new IllegalStateException("the clock is before 1970; a cosignature must not carry timestamp 0");
        }
        NoteSigner cosigner = Cosignature.signer(key, time);
        Note served = new Note(note.text(), note.verified()).withSignatures(List.of(cosigner));
        NoteSignature mine = served.signatures().get(served.signatures().size() - 1);
        WitnessStore.Witnessed next = new WitnessStore.Witnessed(cp.origin(), cp.size(), cp.rootHash(), Bytes.wrap(served.encode()));
        // tlog-witness: check and persist atomically; a concurrent winner makes this one a 409.
        if (!store.advance(last, next, time)) {
            long now = store.latest(cp.origin()).map(WitnessStore.Witnessed::size).orElse(0L);
            throw WitnessException.conflict(now, "another checkpoint for " + cp.origin() + " was cosigned meanwhile (size " + now + ")");
        }
        log.debug("cosigned {} at size {}", cp.origin(), cp.size());
        return List.of(mine);
    }

    private static Checkpoint parse(byte[] raw) throws WitnessException {
        try {
            return Checkpoint.parse(Note.parse(raw, SignedCheckpoint.MAX_BYTES).text());
        } catch (NoteException | CheckpointFormatException e) {
            throw new WitnessException(Kind.MALFORMED, "not a checkpoint: " + e.getMessage());
        }
    }

    private static void checkConsistency(AddCheckpointRequest req, Checkpoint cp, Bytes oldRoot) throws WitnessException {
        // tlog-witness: a checkpoint of size zero must have the empty tree's root (RFC 6962 2.1), else 422.
        if (cp.size() == 0 && !cp.rootHash().equals(MerkleHash.EMPTY_ROOT)) {
            throw suspicious(cp, new WitnessException(Kind.BAD_PROOF, "a checkpoint of size 0 must have the empty tree's root"));
        }
        if (req.oldSize() == 0) {
            // tlog-witness: from old size zero the proof must be empty (the empty tree is consistent with any tree).
            if (!req.proof().isEmpty()) {
                throw new WitnessException(Kind.BAD_PROOF, "a consistency proof from size 0 must be empty");
            }
            return;
        }
        try {
            // RFC 6962 2.1.2 / RFC 9162 2.1.4.2; for equal sizes: an empty proof and identical roots.
            new ConsistencyProof(req.oldSize(), cp.size(), req.proof()).verify(oldRoot, cp.rootHash());
        } catch (ProofException e) {
            WitnessException refusal = new WitnessException(Kind.BAD_PROOF, "consistency proof from size " + req.oldSize()
                    + " does not verify: " + e.getMessage());
            // A proof that leads to the new root but not to the cosigned one shows two inconsistent trees.
            throw e.reason() == ProofException.Reason.FIRST_ROOT_MISMATCH ? suspicious(cp, refusal) : refusal;
        }
    }

    /** tlog-witness: a validly signed but inconsistent checkpoint MAY be logged as possible misbehaviour. */
    private static WitnessException suspicious(Checkpoint cp, WitnessException e) {
        log.warn("refused a validly signed checkpoint of {} at size {}, root {}: {} (possible log misbehaviour)",
                cp.origin(), cp.size(), cp.rootHash().toBase64(), e.getMessage());
        return e;
    }

    @Override
    public Optional<Bytes> latestCheckpoint(String origin) throws IOException {
        return store.latest(origin).map(WitnessStore.Witnessed::checkpoint);
    }
}

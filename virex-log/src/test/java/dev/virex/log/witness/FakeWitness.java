package dev.virex.log.witness;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Checkpoint;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.SignerKey;
import dev.virex.core.witness.AddCheckpointRequest;
import dev.virex.core.witness.WitnessApi;
import dev.virex.core.witness.WitnessException;
import dev.virex.testkit.TestKeys;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A witness for the collector's tests: tracks the size it cosigned (409 otherwise) without
 * checking proofs, and can be down, slow, or return a bad cosignature.
 */
final class FakeWitness implements WitnessApi {
    enum Mode { HONEST, DOWN, SLOW, BAD_SIGNATURE }

    final SignerKey key;
    final List<AddCheckpointRequest> requests = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    volatile Mode mode = Mode.HONEST;
    volatile long known;

    FakeWitness(String name) {
        this.key = TestKeys.signer(name);
    }

    String vkey() {
        return Cosignature.cosignerKey(key.verifierKey()).encode();
    }

    @Override
    public List<NoteSignature> addCheckpoint(AddCheckpointRequest req) throws WitnessException, IOException {
        requests.add(req);
        switch (mode) {
            case DOWN -> throw new IOException("connection refused");
            case SLOW -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            default -> { }
        }
        if (req.oldSize() != known) {
            throw WitnessException.conflict(known, "known " + known);
        }
        try {
            Note n = Note.parse(req.checkpoint().toArray());
            long size = Checkpoint.parse(n.text()).size();
            SignerKey signer = mode == Mode.BAD_SIGNATURE ? TestKeys.signer("someone.else") : key;
            Note cosigned = new Note(n.text(), n.signatures()).withSignatures(List.of(Cosignature.signer(signer, 1_700_000_000L)));
            NoteSignature s = cosigned.signatures().get(cosigned.signatures().size() - 1);
            known = size;
            return List.of(new NoteSignature(Cosignature.cosignerKey(key.verifierKey()).name(),
                    Cosignature.cosignerKey(key.verifierKey()).keyId(), s.signature()));
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    public Optional<Bytes> latestCheckpoint(String origin) {
        return Optional.empty();
    }
}

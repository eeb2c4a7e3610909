package dev.virex.log.server;

import dev.virex.core.Bytes;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.Verifiers;
import dev.virex.core.tlog.EntryBundle;
import dev.virex.log.LogException;

/**
 * Decides which entries the log accepts: signed notes (C2SP signed-note) carrying a valid
 * signature by one of the federation's verifier keys, at most {@link #MAX_ENTRY_BYTES} bytes (an
 * entry bundle cannot hold larger entries). Verified over the exact bytes received. Pure: the
 * same bytes always get the same answer.
 */
public final class Admission {
    public static final int MAX_ENTRY_BYTES = EntryBundle.MAX_ENTRY_BYTES;

    /** An accepted entry with its RFC 9162 leaf hash, computed once here. */
    public record Admitted(Bytes entry, Bytes leafHash) {
        public Admitted {
            if (entry.length() == 0 || entry.length() > MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("entry must be 1 to " + MAX_ENTRY_BYTES + " bytes");
            }
            if (leafHash.length() != MerkleHash.BYTES) {
                throw new IllegalArgumentException("leaf hash must be 32 bytes");
            }
        }

        /** An entry taken as admitted, for tools and benchmarks that bypass admission. */
        public static Admitted of(Bytes entry) {
            return new Admitted(entry, MerkleHash.leaf(entry));
        }
    }

    private final Verifiers federation;

    public Admission(Verifiers federation) {
        if (federation.size() == 0) {
            throw new IllegalArgumentException("admission needs at least one federation verifier key");
        }
        this.federation = federation;
    }

    public Admitted admit(Bytes entry) throws LogException {
        if (entry.length() == 0) {
            throw new LogException(LogException.Kind.MALFORMED, "empty entry");
        }
        if (entry.length() > MAX_ENTRY_BYTES) {
            throw new LogException(LogException.Kind.TOO_LARGE,
                    "entry of " + entry.length() + " bytes exceeds the limit of " + MAX_ENTRY_BYTES);
        }
        byte[] bytes = entry.toArray();
        try {
            Note.open(bytes, federation, MAX_ENTRY_BYTES);
        } catch (NoteException e) {
            throw switch (e.kind()) {
                case MALFORMED -> new LogException(LogException.Kind.MALFORMED, "entry is not a signed note: " + e.getMessage());
                case TOO_LARGE -> new LogException(LogException.Kind.TOO_LARGE, "entry too large: " + e.getMessage());
                case INVALID_SIGNATURE -> new LogException(LogException.Kind.FORBIDDEN, "entry signature is invalid: " + e.getMessage());
                case UNVERIFIED -> new LogException(LogException.Kind.FORBIDDEN, "entry is not signed by a federation key");
            };
        }
        return new Admitted(entry, MerkleHash.leaf(bytes));
    }
}

package dev.virex.log;

import dev.virex.core.tlog.TlogProof;
import java.util.Optional;

/**
 * The answer to an append: the entry's index (the existing one for a duplicate) and, once the entry
 * is integrated into a published checkpoint, a C2SP tlog-proof receipt for it.
 */
public record AddResult(long index, boolean duplicate, Optional<TlogProof> receipt) {
    public AddResult {
        if (index < 0) {
            throw new IllegalArgumentException("negative index");
        }
    }
}

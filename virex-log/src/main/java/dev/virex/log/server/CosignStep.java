package dev.virex.log.server;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.ConsistencyProof;
import java.io.IOException;

/**
 * The step between "signed" and "published": given the checkpoint as signed by the log, returns
 * the note to publish, with witness cosignature lines appended (C2SP tlog-cosignature). The log
 * checks that the result still carries its valid signature over the same text.
 *
 * <p>An optional step (the default) runs inline and, if it fails, the log publishes its signed note
 * alone. A {@linkplain #required() required} step (a witness quorum) runs on the log's publisher
 * thread, so that appends and integration never wait for it: the log keeps serving the previous
 * published checkpoint until the step succeeds, retrying with backoff.
 */
@FunctionalInterface
public interface CosignStep {
    /** Publishes the log-signed checkpoint as it is. */
    CosignStep NONE = SignedCheckpoint::raw;

    /** Consistency proofs between sizes of the log's integrated tree (RFC 9162 section 2.1.4.1). */
    @FunctionalInterface
    interface Proofs {
        ConsistencyProof between(long size1, long size2) throws IOException;
    }

    Bytes cosign(SignedCheckpoint signed) throws IOException;

    /** The step with the log's proofs at hand (witnesses need a proof from their last size). */
    default Bytes cosign(SignedCheckpoint signed, Proofs proofs) throws IOException {
        return cosign(signed);
    }

    /** Whether publication must wait for this step to succeed (a witness quorum), rather than skip it. */
    default boolean required() {
        return false;
    }
}

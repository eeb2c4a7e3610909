package dev.virex.log.server;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import java.io.IOException;

/**
 * The step between "signed" and "published": given the checkpoint as signed by the log, returns
 * the note to publish, that note with witness cosignature lines appended (C2SP tlog-cosignature)
 * once witnessing exists. The log checks that the result still carries its own valid signature
 * over the same text, and publishes the log-signed note alone if the step fails.
 */
@FunctionalInterface
public interface CosignStep {
    /** Publishes the log-signed checkpoint as it is. */
    CosignStep NONE = SignedCheckpoint::raw;

    Bytes cosign(SignedCheckpoint signed) throws IOException;
}

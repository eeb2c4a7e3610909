package dev.virex.core.ingress;

import java.io.IOException;

/**
 * A client's view of a mixnode's packet port: submit one {@value SubmitFrame#BYTES}-byte frame,
 * get its {@link ReplyFrame}. The TCP client implements it; tests also wire it to the mixnode's
 * ingress in memory.
 */
@FunctionalInterface
public interface Ingress {
    ReplyFrame submit(byte[] frame) throws IOException;
}

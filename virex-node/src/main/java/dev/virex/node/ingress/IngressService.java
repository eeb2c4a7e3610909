package dev.virex.node.ingress;

import dev.virex.core.ingress.ReplyFrame;
import java.util.concurrent.CompletableFuture;

/**
 * The mixnode's side of the packet port: one frame from a client identity in, its reply out when
 * its fate is final (rejected at the gate, dropped under overload, or processed). The Netty
 * server adapts any implementation.
 */
@FunctionalInterface
public interface IngressService {
    CompletableFuture<ReplyFrame> submit(byte[] frame, byte[] clientIdentity);
}

package dev.virex.node.ingress;

import dev.virex.core.Bytes;

/**
 * Where accepted real messages go after the gate: forwarding along the mix route once that
 * exists (not in this issue). Cover messages never reach a sink.
 */
@FunctionalInterface
public interface MessageSink {
    void deliver(Bytes message);
}

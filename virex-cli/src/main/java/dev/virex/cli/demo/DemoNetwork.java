package dev.virex.cli.demo;

import dev.virex.core.note.SignerKey;
import dev.virex.core.policy.TlogPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every running part of the demo network, filled in as {@link Startup} brings them up, and closed
 * in reverse order: clients, nodes, auditor, members, the demo's log reader, log, witnesses. A part
 * that fails to close does not keep the others open.
 */
final class DemoNetwork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoNetwork.class);

    final Path dir;
    final List<SignerKey> operators = new ArrayList<>();
    final Web web = new Web();
    Path policyFile;
    TlogPolicy policy;
    Witnesses witnesses;
    LogService log;
    Federation federation;
    LogWatch watch;
    AuditorLauncher.Running auditor;
    NodeFleet nodes;
    Joiner joiner;
    Clients clients;
    /** The mixnode the scenario flooded and when the flood began, once it has. */
    Flooded flooded;

    record Flooded(String mixnode, java.time.Instant start) {}

    DemoNetwork(Path dir) {
        this.dir = dir;
    }

    interface Closer {
        void close() throws Exception;
    }

    private boolean closed;

    /** Stops everything once; a second caller (Ctrl-C during the demo's own shutdown) waits for the first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        quietly("clients", clients == null ? null : clients::close);
        quietly("joiner", joiner == null ? null : joiner::close);
        quietly("nodes", nodes == null ? null : nodes::close);
        quietly("auditor", auditor == null ? null : auditor::close);
        quietly("members", federation == null ? null : federation::close);
        quietly("log reader", watch == null ? null : watch::close);
        quietly("log", this.log == null ? null : this.log::close);
        quietly("witnesses", witnesses == null ? null : witnesses::close);
        quietly("HTTP client", web::close);
    }

    private static void quietly(String what, Closer c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("stopping the demo's {} failed: {}", what, e.toString());
        }
    }
}

package dev.virex.node.agent;

import dev.virex.core.note.SignerKey;
import dev.virex.core.pow.EpochSeedSource;
import dev.virex.core.pow.ParamsSource;
import dev.virex.http.HttpService;
import dev.virex.node.Mixnode;
import dev.virex.node.MixnodeOptions;
import dev.virex.node.http.ControlEndpoints;
import dev.virex.node.http.ProbeResponder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * What a node serves besides following the log: its control endpoint (probes, health, metrics)
 * and, for a mixnode, the ingress of the abuse-prevention flow on the same HTTP service.
 */
interface NodeService extends AutoCloseable {
    URI controlUri();

    /** The mixnode's packet address, for a mixnode. */
    Optional<InetSocketAddress> packetAddress();

    /** Stops serving clients and peers, keeps the control endpoint up to say why. */
    void stopServing(String reason);

    /** New parameters or seeds may have arrived from the log. */
    void refresh();

    @Override
    void close();

    /** A mailbox or ODS node: the control endpoint alone. */
    static NodeService control(SignerKey key, Clock clock, HttpService.Options http, ControlEndpoints control) {
        ProbeResponder probe = new ProbeResponder(key, NodeSoftware.VERSION, clock);
        HttpService svc = HttpService.start(http, routes -> {
            probe.mount(routes);
            control.mount(routes);
            routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(control.metrics()));
        });
        return new NodeService() {
            public URI controlUri() {
                return svc.baseUri();
            }

            public Optional<InetSocketAddress> packetAddress() {
                return Optional.empty();
            }

            public void stopServing(String reason) {
                probe.stop(reason);
            }

            public void refresh() {
                // nothing depends on parameters here yet
            }

            public void close() {
                svc.close();
            }
        };
    }

    /** A mixnode: the ingress with parameters and seeds from the log, the agent's endpoints on its HTTP API. */
    static NodeService mixnode(SignerKey key, ParamsSource params, EpochSeedSource seeds, Clock clock, java.security.SecureRandom random,
                               MixnodeOptions options) {
        Mixnode m = Mixnode.start(key, params, seeds, clock, random, options);
        return new NodeService() {
            public URI controlUri() {
                return m.httpUri();
            }

            public Optional<InetSocketAddress> packetAddress() {
                return Optional.of(m.packetAddress());
            }

            public void stopServing(String reason) {
                m.stopServing(reason);
            }

            public void refresh() {
                m.refreshParams();
            }

            public void close() {
                m.close();
            }
        };
    }
}

package dev.virex.node.http;

import io.javalin.config.RoutesConfig;

/**
 * Endpoints a node agent adds to a service it shares (the mixnode's HTTP API is also the node's
 * control endpoint): routes such as {@code /health}, and Prometheus text appended to
 * {@code /metrics}.
 */
public interface ControlEndpoints {
    /** No extra endpoints. */
    ControlEndpoints NONE = new ControlEndpoints() {
        @Override
        public void mount(RoutesConfig routes) {
            // nothing to add
        }

        @Override
        public String metrics() {
            return "";
        }
    };

    void mount(RoutesConfig routes);

    /** Prometheus text exposition appended to the service's own metrics. */
    String metrics();
}

package dev.virex.core.ingress;

import java.io.IOException;

/**
 * The mixnode's public HTTP API as an interface: the HTTP client implements it, the mixnode's HTTP
 * service adapts any implementation, tests wire them in memory or over loopback.
 */
public interface MixnodeApi {
    /** {@code GET /v1/pow}: what clients need to solve and seal. */
    PowInfo powInfo() throws IOException;

    /**
     * {@code GET /v1/reports/<interval>}, or the latest with a negative interval: a signed
     * enforcement report note, the exact bytes as signed.
     *
     * @throws java.util.NoSuchElementException (servers) or an IOException with status 404
     *     (clients) when there is no such report
     */
    byte[] report(long interval) throws IOException;
}

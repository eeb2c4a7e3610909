package dev.virex.auditor.enforce;

import java.io.IOException;
import java.util.Optional;

/**
 * What the auditor reads from a mixnode's control endpoint (docs/spec/pow.md, "HTTP API"): its
 * latest signed enforcement report ({@code GET /v1/reports/latest}), the report of an earlier
 * interval ({@code GET /v1/reports/<n>}), and its metrics ({@code GET /metrics}, optional).
 */
public interface MixnodeReader {
    byte[] latestReport() throws IOException;

    /** The signed report of interval {@code n}; an IOException if the mixnode no longer keeps it. */
    byte[] report(long n) throws IOException;

    Optional<byte[]> metrics() throws IOException;
}

package dev.virex.auditor.enforce;

import java.io.IOException;
import java.util.Optional;

/**
 * What the auditor reads from a mixnode's control endpoint (docs/spec/pow.md, "HTTP API"): its
 * latest signed enforcement report ({@code GET /v1/reports/latest}) and its metrics
 * ({@code GET /metrics}, optional).
 */
public interface MixnodeReader {
    byte[] latestReport() throws IOException;

    Optional<byte[]> metrics() throws IOException;
}

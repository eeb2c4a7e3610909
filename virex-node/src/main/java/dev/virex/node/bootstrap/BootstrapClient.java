package dev.virex.node.bootstrap;

import dev.virex.core.note.VerifierKey;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.http.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches {@code GET /directory} from federation members and keeps the newest bundle that
 * verifies ({@link SnapshotVerifier}): one member that is down, stale or lying does not stop a
 * node from starting, and cannot make it start from an unverified state.
 */
public final class BootstrapClient {
    private static final Logger log = LoggerFactory.getLogger(BootstrapClient.class);
    public static final int MAX_MEMBERS = 16;

    private final HttpClient client;
    private final Duration timeout;

    public BootstrapClient(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** The newest verified snapshot among {@code members}' answers; empty if none verifies (each failure logged). */
    public Optional<SnapshotVerifier.Verified> fetch(List<URI> members, TlogPolicy policy, VerifierKey federation) {
        if (members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("at most " + MAX_MEMBERS + " members to bootstrap from");
        }
        Optional<SnapshotVerifier.Verified> best = Optional.empty();
        for (URI m : members) {
            try {
                SnapshotVerifier.Verified v = SnapshotVerifier.verify(get(m), policy, federation);
                if (best.isEmpty() || v.index() > best.get().index()) {
                    best = Optional.of(v);
                }
            } catch (IOException | BundleFormatException e) {
                log.warn("bootstrap: no usable directory snapshot from member {}: {}", m, e.getMessage());
            } catch (SnapshotException e) {
                log.error("member {} served a directory snapshot that does not verify ({}): {}", m, e.reason(), e.getMessage());
            }
        }
        best.ifPresent(v -> log.info("bootstrap: verified directory snapshot at log index {} with {} nodes", v.index(),
                v.directory().nodes().size()));
        return best;
    }

    /** The bundle member {@code m} serves. */
    public SnapshotBundle get(URI m) throws IOException, BundleFormatException {
        String base = m.toString().endsWith("/") ? m.toString() : m + "/";
        HttpRequest r = HttpClients.request(URI.create(base + "directory"), timeout).GET().build();
        return SnapshotBundle.parse(HttpClients.expectOk(client, r, SnapshotBundle.MAX_BYTES));
    }
}

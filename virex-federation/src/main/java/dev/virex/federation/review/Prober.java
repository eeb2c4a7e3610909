package dev.virex.federation.review;

import dev.virex.core.Bytes;
import dev.virex.core.decision.NodeInfo;
import dev.virex.core.note.NoteException;
import dev.virex.core.probe.Probe;
import dev.virex.core.probe.ProbeAnswer;
import dev.virex.core.probe.ProbeFormatException;
import dev.virex.http.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Probes a node (docs/spec/probe.md): POSTs a fresh random challenge to
 * {@code http://<control address>/probe} (or {@code https://} when the member's nodes serve their
 * control endpoints over TLS) and checks the answer, a note signed by the node key (reachability
 * and key possession), and that the software it reports is approved.
 */
public final class Prober {
    private final String member;
    private final HttpClient client;
    private final String scheme;
    private final Clock clock;
    private final SecureRandom random;

    public Prober(String member, HttpClient client, Clock clock, SecureRandom random) {
        this(member, client, "http", clock, random);
    }

    /** A prober reaching control endpoints with {@code scheme}, {@code http} or {@code https}. */
    public Prober(String member, HttpClient client, String scheme, Clock clock, SecureRandom random) {
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the control endpoints' scheme is http or https, not " + scheme);
        }
        this.member = member;
        this.client = client;
        this.scheme = scheme;
        this.clock = clock;
        this.random = random;
    }

    public ProbeResult probe(NodeInfo node, Duration timeout, Set<String> approvedSoftware) {
        byte[] c = new byte[32];
        random.nextBytes(c);
        Bytes challenge = Bytes.wrap(c);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Probe probe = new Probe(member, node.id(), challenge, now);
        URI uri = URI.create(scheme + "://" + node.control() + "/probe");
        HttpRequest r = HttpClients.request(uri, timeout).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(probe.text())).build();
        try {
            HttpClients.Response resp = HttpClients.exchange(client, r, Probe.MAX_TEXT + 1024);
            if (resp.status() != 200) {
                return fail(node, challenge, now, "answered HTTP " + resp.status());
            }
            // docs/spec/probe.md step 3: signed by the node key (C2SP signed-note), this node and challenge, a recent time.
            ProbeAnswer a = ProbeAnswer.verify(resp.body(), probe, node.node(), clock.instant());
            if (!approvedSoftware.contains(a.software())) {
                return new ProbeResult(member, node.id(), challenge, now, false, "runs software " + a.software() + ", not approved", a.software());
            }
            return new ProbeResult(member, node.id(), challenge, now, true, "answered, key held, software " + a.software(), a.software());
        } catch (IOException e) {
            return fail(node, challenge, now, "unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (ProbeFormatException | NoteException e) {
            return fail(node, challenge, now, "invalid answer: " + e.getMessage());
        }
    }

    private ProbeResult fail(NodeInfo node, Bytes challenge, Instant now, String why) {
        return new ProbeResult(member, node.id(), challenge, now, false, why, "");
    }
}

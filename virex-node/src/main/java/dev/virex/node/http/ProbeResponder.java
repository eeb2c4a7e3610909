package dev.virex.node.http;

import dev.virex.core.note.SignerKey;
import dev.virex.core.probe.Probe;
import dev.virex.core.probe.ProbeAnswer;
import dev.virex.core.probe.ProbeFormatException;
import dev.virex.http.HttpProblem;
import dev.virex.http.HttpService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers federation probes (docs/spec/probe.md) on a node's control endpoint: {@code POST /probe}
 * with a {@link Probe} text, answered 200 with a {@link ProbeAnswer} signed by the node key (proof of
 * possession, liveness, and the software version). Every node role mounts it; the mixnode's HTTP
 * API does too. Once the node has stopped serving (it learned it was removed) probes get 410.
 */
public final class ProbeResponder {
    public static final String PATH = "/probe";
    public static final String NOTE_TYPE = "text/plain; charset=utf-8";

    private final SignerKey key;
    private final String software;
    private final Clock clock;
    private final AtomicReference<String> stopped = new AtomicReference<>();

    public ProbeResponder(SignerKey key, String software, Clock clock) {
        this.key = key;
        this.software = software;
        this.clock = clock;
    }

    /** Adds {@code POST /probe} to a service's routes. */
    public void mount(RoutesConfig routes) {
        routes.post(PATH, this::handle);
    }

    private void handle(Context ctx) {
        byte[] body = HttpService.body(ctx, Probe.MAX_TEXT);
        ctx.contentType(NOTE_TYPE).result(answer(body));
    }

    /**
     * The signed answer to a probe text: 400 when it is not a canonical probe, 404 when it names
     * another node, 410 once this node stopped serving.
     */
    public byte[] answer(byte[] probeText) {
        Probe probe;
        try {
            probe = Probe.parse(new String(probeText, StandardCharsets.UTF_8));
        } catch (ProbeFormatException e) {
            throw HttpProblem.badRequest("not a probe: " + e.getMessage());
        }
        if (!probe.node().equals(key.name())) {
            throw HttpProblem.notFound("this is node " + key.name() + ", not " + probe.node());
        }
        String reason = stopped.get();
        if (reason != null) {
            throw HttpProblem.of(410, "Gone", reason);
        }
        return new ProbeAnswer(key.name(), probe.challenge(), clock.instant(), software).sign(key.noteSigner());
    }

    /** From now on probes are refused with 410 and {@code reason}. */
    public void stop(String reason) {
        stopped.compareAndSet(null, reason);
    }

    public Optional<String> stopped() {
        return Optional.ofNullable(stopped.get());
    }
}

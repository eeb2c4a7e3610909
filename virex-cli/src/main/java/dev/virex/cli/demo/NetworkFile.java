package dev.virex.cli.demo;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.virex.core.decision.AdmittedNode;
import dev.virex.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code DIR/network.json}: where everything of the running network is and which keys verify it,
 * so that any tool can inspect it (the dashboard, {@code virex audit}, {@code virex log check},
 * {@code virex client send}). Rewritten whole (write, then rename) when the mixnodes change.
 */
final class NetworkFile {
    static final String NAME = "network.json";

    record Endpoint(String url, String vkey) {}

    record Member(String name, String url, String vkey) {}

    record FederationView(String vkey, int threshold, List<Member> members) {}

    record Witness(String name, String url, String vkey) {}

    /** A mixnode: its ID, packet address (clients send frames here) and control URL (PoW info, reports). */
    record Mixnode(String id, String address, String control) {}

    record Dashboard(String url) {}

    record Network(Endpoint log, FederationView federation, List<Witness> witnesses, Endpoint auditor, List<Mixnode> mixnodes,
                   Dashboard dashboard) {}

    private NetworkFile() {}

    static Network of(DemoNetwork net) {
        Federation f = net.federation;
        List<Member> members = f.members().stream()
                .map(m -> new Member(m.name(), m.url().toString(), m.identity().verifierKey().encode())).toList();
        List<Witness> witnesses = net.witnesses.list().stream()
                .map(w -> new Witness(w.name(), w.url().toString(), w.cosigner().encode())).toList();
        List<Mixnode> mixnodes = Clients.mixnodesOf(net.watch).stream().map(NetworkFile::mixnode).toList();
        String auditor = net.auditor.url().toString();
        return new Network(new Endpoint(net.log.url().toString(), net.log.key().encode()),
                new FederationView(f.group().encode(), f.threshold(), members), witnesses,
                new Endpoint(auditor, net.auditor.vkey().encode()), mixnodes, new Dashboard(dashboard(net)));
    }

    static String dashboard(DemoNetwork net) {
        return net.auditor.url().resolve("/dashboard").toString();
    }

    private static Mixnode mixnode(AdmittedNode n) {
        return new Mixnode(n.id(), n.info().address().toString(), "http://" + n.info().control() + "/");
    }

    static Path write(DemoNetwork net) throws IOException {
        Path file = net.dir.resolve(NAME);
        Path tmp = net.dir.resolve(NAME + ".tmp");
        Files.write(tmp, Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(of(net)));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}

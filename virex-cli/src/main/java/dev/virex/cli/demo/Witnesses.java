package dev.virex.cli.demo;

import dev.virex.cli.KeyFiles;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.http.HttpService;
import dev.virex.witness.CheckpointWitness;
import dev.virex.witness.WitnessServer;
import dev.virex.witness.WitnessStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The demo's witnesses (C2SP tlog-witness), started as {@code virex witness serve} starts one: a
 * key, a SQLite store, {@link CheckpointWitness} and {@link WitnessServer}. Writes the trust policy
 * (C2SP tlog-policy) that the log, the members, the nodes and the auditor all use: the log with its
 * URL, every witness with its cosigner key and URL, and a quorum of {@code quorum} of them.
 */
final class Witnesses implements AutoCloseable {
    /** One running witness: its name in the policy, key name, URL and cosigner vkey. */
    record Witness(String policyName, String name, URI url, VerifierKey cosigner, WitnessStore store, WitnessServer server) {}

    private final List<Witness> witnesses;

    private Witnesses(List<Witness> witnesses) {
        this.witnesses = List.copyOf(witnesses);
    }

    static Witnesses start(Path dir, int count, VerifierKey logKey, SecureRandom random) throws IOException {
        List<Witness> out = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                Path wdir = dir.resolve("witness-" + i);
                Files.createDirectories(wdir);
                SignerKey key = SignerKey.generate("witness-" + i + ".demo.example", random);
                KeyFiles.writeNew(wdir.resolve("witness.key"), key);
                WitnessStore store = WitnessStore.open(wdir.resolve("witness.db"));
                CheckpointWitness w = new CheckpointWitness(List.of(logKey), key, store, Clock.systemUTC());
                WitnessServer server;
                try {
                    server = WitnessServer.start(w, List.of(logKey.name()), HttpService.Options.loopback("witness-" + i));
                } catch (RuntimeException e) {
                    store.close();
                    throw e;
                }
                out.add(new Witness("w" + i, key.name(), server.baseUri(), w.cosignerKey(), store, server));
            }
            return new Witnesses(out);
        } catch (IOException | RuntimeException e) {
            new Witnesses(out).close();
            throw e;
        }
    }

    /** Writes the trust policy to {@code file}. */
    void writePolicy(Path file, VerifierKey logKey, URI logUrl, int quorum) throws IOException {
        StringBuilder sb = new StringBuilder("log ").append(logKey.encode()).append(' ').append(logUrl).append("/\n");
        StringJoiner names = new StringJoiner(" ");
        for (Witness w : witnesses) {
            sb.append("witness ").append(w.policyName()).append(' ').append(w.cosigner().encode()).append(' ').append(w.url()).append('\n');
            names.add(w.policyName());
        }
        String group = "quorum-" + quorum + "-of-" + witnesses.size();
        sb.append("group ").append(group).append(' ').append(quorum).append(' ').append(names).append('\n');
        sb.append("quorum ").append(group).append('\n');
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    List<Witness> list() {
        return witnesses;
    }

    @Override
    public void close() {
        for (Witness w : witnesses) {
            w.server().close();
            try {
                w.store().close();
            } catch (IOException e) {
                // closing the others matters more; the store is synchronous, nothing is lost
            }
        }
    }
}

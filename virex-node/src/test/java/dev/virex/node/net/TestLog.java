package dev.virex.node.net;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import dev.virex.http.HttpService;
import dev.virex.log.AddResult;
import dev.virex.log.http.LogServer;
import dev.virex.log.server.CosignStep;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import dev.virex.testkit.TestKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real transparency log over loopback, its checkpoints cosigned by one test witness while
 * {@link #witnessing} is on, admitting entries signed by the federation group key (and any extra
 * key, to let a forger in). Nodes reach it through a {@link SwitchableLog}.
 */
public final class TestLog implements AutoCloseable {
    public static final SignerKey LOG = TestKeys.signer("log.nodes.test");
    public static final SignerKey WITNESS = TestKeys.signer("witness.nodes.test");
    public static final SignerKey FORGER = TestKeys.signer(TestFederation.NAME); // same name as the federation, other key

    final AtomicBoolean witnessing = new AtomicBoolean(true);
    final TiledLog log;
    final SwitchableLog front;
    final LogServer server;
    /** Every entry appended, in log order. */
    final List<Bytes> entries = new ArrayList<>();
    private final List<TiledLog> forks = new ArrayList<>();
    private final Path dir;
    private final List<NoteVerifier> admitted;

    public TestLog(Path dir, VerifierKey federation, VerifierKey... extra) throws IOException {
        this.dir = dir;
        this.admitted = new ArrayList<>();
        admitted.add(federation.noteVerifier());
        for (VerifierKey k : extra) {
            admitted.add(k.noteVerifier());
        }
        this.log = open(dir.resolve("log"));
        this.front = new SwitchableLog(log);
        this.server = LogServer.start(front, HttpService.Options.loopback("test-log"));
    }

    private TiledLog open(Path d) throws IOException {
        CosignStep cosign = signed -> witnessing.get()
                ? Bytes.wrap(signed.note().note().withSignatures(List.of(Cosignature.signer(WITNESS, 1_700_000_000L))).encode())
                : signed.raw();
        return TiledLog.open(LogConfig.defaults(d, LOG.noteSigner(), LOG.verifierKey().noteVerifier(), Verifiers.of(admitted))
                .withBatching(256, Duration.ZERO).withCheckpointInterval(Duration.ZERO)
                .withIntegrationWait(Duration.ofSeconds(20)).withCosign(cosign));
    }

    /** Appends and returns once the entry is in the published checkpoint. */
    public long append(Bytes entry) throws Exception {
        AddResult r = log.add(entry);
        if (r.receipt().isEmpty()) {
            throw new IllegalStateException("entry " + r.index() + " not integrated in time");
        }
        if (r.index() != entries.size()) {
            throw new IllegalStateException("appended out of order");
        }
        entries.add(entry);
        return r.index();
    }

    /** A second log with the same key holding {@code entries} (a fork, once it diverges). */
    public TiledLog fork(String name, List<Bytes> entries) throws Exception {
        TiledLog f = open(dir.resolve("fork-" + name));
        forks.add(f);
        for (Bytes e : entries) {
            f.add(e);
        }
        return f;
    }

    /** A C2SP tlog-policy naming this log (at its URL) and, unless {@code quorumNone}, the witness. */
    public String policy(boolean quorumNone) {
        String log = "log " + LOG.verifierKey().encode() + " " + server.baseUri() + "/\n";
        if (quorumNone) {
            return log + "quorum none\n";
        }
        return log + "witness w1 " + Cosignature.cosignerKey(WITNESS.verifierKey()).encode() + "\nquorum w1\n";
    }

    public long size() {
        return log.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        log.close();
        for (TiledLog f : forks) {
            f.close();
        }
    }
}

package dev.virex.bench;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.Verifiers;
import dev.virex.http.HttpService;
import dev.virex.log.http.LogServer;
import dev.virex.log.server.LogConfig;
import dev.virex.log.server.TiledLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import dev.virex.federation.api.FederationApi;
import dev.virex.federation.api.HttpFederationClient;
import dev.virex.federation.api.JoinStatus;
import dev.virex.log.http.HttpLogClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * End-to-end approval latency on loopback: a node's join request posted to a member until the
 * member reports it approved and logged, through the forward to every member, every member's
 * review and vote (no probation wait), the ranked coordinator's FROST rounds over HTTP among the
 * yes-voters, and the log append with its receipt; for 3-of-5 and 5-of-9 federations. Baseline:
 * one log append round trip over loopback (a signed note posted to the same log server).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ApprovalLatencyBench {
    static final int REQUESTS = 2000;

    @State(Scope.Benchmark)
    public static class Federation {
        @Param({"3-of-5", "5-of-9"})
        public String group;

        LocalFederation fed;
        FederationApi api;
        List<byte[]> requests;
        int next;

        @Setup(Level.Trial)
        public void start() throws Exception {
            String[] mn = group.split("-of-");
            fed = new LocalFederation(Integer.parseInt(mn[1]), Integer.parseInt(mn[0]));
            api = new HttpFederationClient(fed.servers.get(0).baseUri());
            requests = fed.requests(REQUESTS);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            fed.close();
        }
    }

    /** A log server alone, admitting notes signed by a bench key. */
    @State(Scope.Benchmark)
    public static class Log {
        Path dir;
        SignerKey key;
        TiledLog log;
        LogServer server;
        HttpLogClient client;
        long counter;

        @Setup(Level.Trial)
        public void start() throws Exception {
            dir = Files.createTempDirectory("virex-bench-log-rtt");
            key = SignerKey.generate("bench.virex/notes", new SecureRandom());
            log = TiledLog.open(LogConfig.defaults(dir, key.noteSigner(), key.verifierKey().noteVerifier(), Verifiers.of(key.verifierKey().noteVerifier())));
            server = LogServer.start(log, HttpService.Options.loopback("log"));
            client = new HttpLogClient(server.baseUri());
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            server.close();
            log.close();
            LogAppendBench.delete(dir);
        }
    }

    @Benchmark
    public long baselineLogAppendRoundTrip(Log log) throws Exception {
        byte[] note = Note.sign("bench entry " + log.counter++ + "\n", log.key.noteSigner()).encode();
        return log.client.add(Bytes.wrap(note)).index();
    }

    @Benchmark
    public JoinStatus approval(Federation f) throws Exception {
        if (f.next == f.requests.size()) {
            throw new IllegalStateException("request pool exhausted: raise REQUESTS");
        }
        JoinStatus s = f.api.submitJoin(f.requests.get(f.next++));
        while (!s.decided()) {
            Thread.sleep(5);
            s = f.api.joinStatus(s.id());
        }
        if (!JoinStatus.APPROVED.equals(s.state())) {
            throw new IllegalStateException("not approved: " + s.message() + " " + s.reasons());
        }
        return s;
    }
}

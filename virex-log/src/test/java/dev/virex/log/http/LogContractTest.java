package dev.virex.log.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.merkle.MerkleHash;
import dev.virex.core.merkle.MerkleProofs;
import dev.virex.core.tlog.EntryBundle;
import dev.virex.core.tlog.TileNodeReader;
import dev.virex.core.tlog.TilePath;
import dev.virex.http.HttpService;
import dev.virex.log.AddResult;
import dev.virex.log.LogException;
import dev.virex.log.LogFixture;
import dev.virex.log.TransparencyLog;
import dev.virex.log.server.TiledLog;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link TransparencyLog} contract, run against the log in process and through its HTTP
 * server and client over loopback: both must answer alike, refusals included.
 */
class LogContractTest {
    @TempDir
    Path dir;

    private TiledLog tiled;
    private LogServer server;

    private TransparencyLog open(String how) throws Exception {
        tiled = TiledLog.open(LogFixture.config(dir));
        if (how.equals("memory")) {
            return tiled;
        }
        server = LogServer.start(tiled, HttpService.Options.loopback("log"));
        return new HttpLogClient(server.baseUri());
    }

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close();
        }
        tiled.close();
    }

    private static SignedCheckpoint verified(TransparencyLog log) throws Exception {
        return SignedCheckpoint.open(log.checkpoint().toArray(), LogFixture.LOG.verifierKey().noteVerifier());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "http"})
    void appendsAnswerWithIndexAndReceipt(String how) throws Exception {
        TransparencyLog log = open(how);
        Bytes e = LogFixture.decision("join approved: node-7 " + how);
        AddResult r = log.add(e);
        assertThat(r.index()).isZero();
        assertThat(r.receipt().orElseThrow().verify(MerkleHash.leaf(e), LogFixture.LOG.name(),
                LogFixture.LOG.verifierKey().noteVerifier()).checkpoint().size()).isEqualTo(1);
        AddResult again = log.add(e);
        assertThat(again.index()).isZero();
        assertThat(again.duplicate()).isTrue();
        assertThat(log.add(LogFixture.decision("second")).index()).isEqualTo(1);
        assertThat(verified(log).checkpoint().size()).isEqualTo(2);
        assertThat(log.receipt(0).verify(MerkleHash.leaf(e), LogFixture.LOG.name(), LogFixture.LOG.verifierKey().noteVerifier())
                .checkpoint().size()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "http"})
    void refusesWhatTheFederationDidNotSign(String how) throws Exception {
        TransparencyLog log = open(how);
        assertKind(() -> log.add(LogFixture.signedBy(LogFixture.STRANGER, "join approved: sybil")), LogException.Kind.FORBIDDEN);
        assertKind(() -> log.add(Bytes.wrap("plain text\n".getBytes())), LogException.Kind.MALFORMED);
        assertKind(() -> log.add(Bytes.wrap(new byte[70_000])), LogException.Kind.TOO_LARGE);
        assertThat(verified(log).checkpoint().size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "http"})
    void tilesProofsAndTheirErrors(String how) throws Exception {
        TransparencyLog log = open(how);
        for (int i = 0; i < 10; i++) {
            log.add(LogFixture.decision("decision " + i));
        }
        SignedCheckpoint cp = verified(log);
        Bytes root = cp.checkpoint().rootHash();
        assertThat(EntryBundle.parse(log.tile(TilePath.parse("tile/entries/000.p/10")).toArray(), 10).entries().get(3))
                .isEqualTo(LogFixture.decision("decision 3"));
        assertThat(MerkleProofs.root(new TileNodeReader(log.tileReader(), 10), 10)).isEqualTo(root);
        log.inclusionProof(3, 10).verify(MerkleHash.leaf(LogFixture.decision("decision 3")), root);
        Bytes root4 = MerkleProofs.root(new TileNodeReader(log.tileReader(), 10), 4);
        log.consistencyProof(4, 10).verify(root4, root);
        assertKind(() -> log.tile(TilePath.parse("tile/0/000.p/11")), LogException.Kind.NOT_FOUND);
        assertKind(() -> log.tile(TilePath.parse("tile/0/000")), LogException.Kind.NOT_FOUND);
        assertKind(() -> log.inclusionProof(3, 11), LogException.Kind.CONFLICT);
        assertKind(() -> log.inclusionProof(10, 10), LogException.Kind.MALFORMED);
        assertKind(() -> log.consistencyProof(5, 4), LogException.Kind.MALFORMED);
        assertKind(() -> log.consistencyProof(4, 12), LogException.Kind.CONFLICT);
        assertKind(() -> log.receipt(10), LogException.Kind.NOT_FOUND);
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertKind(Call c, LogException.Kind kind) {
        assertThatThrownBy(c::run).isInstanceOfSatisfying(LogException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}

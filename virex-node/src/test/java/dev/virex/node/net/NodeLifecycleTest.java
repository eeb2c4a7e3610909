package dev.virex.node.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectoryFold;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.VerifierKey;
import dev.virex.http.HttpService;
import dev.virex.node.agent.NodeAgent;
import dev.virex.node.bootstrap.SnapshotBundle;
import dev.virex.testkit.TestKeys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's life around the follower: the witness quorum gates what it follows, a restart resumes
 * from the persisted state (even with the log down), a corrupted state file is set aside, and a new
 * node bootstraps from a verified directory snapshot (a bad one is refused).
 */
class NodeLifecycleTest {
    @TempDir
    Path dir;

    static VerifierKey peer(int i) {
        return TestKeys.signer("peer" + i + ".nodes.test").verifierKey();
    }

    static Bytes approve(TestFederation fed, int i) throws Exception {
        String addr = "127.0.0.1:" + (20000 + i);
        return fed.approve(TestFederation.info(peer(i), NodeRole.MIXNODE, addr, addr));
    }

    @Test
    void aCheckpointWithoutTheWitnessQuorumIsNotFollowed() throws Exception {
        TestFederation fed = new TestFederation("quorum");
        try (TestLog log = new TestLog(dir, fed.vkey()); TestNodes nodes = new TestNodes(dir, log, fed)) {
            log.append(fed.genesis());
            log.append(approve(fed, 1));
            NodeAgent a = nodes.start("a.nodes.test", NodeRole.ODS);
            assertThat(a.table().contains(peer(1).name())).isTrue();

            log.witnessing.set(false);
            log.append(approve(fed, 2));
            nodes.pollAll();
            assertThat(a.table().logSize()).isEqualTo(2);
            assertThat(a.health().unwitnessed()).contains("quorum NOT met");
            assertThat(a.follower().source().refusedCount()).isEqualTo(1);
            nodes.pollAll();
            assertThat(a.follower().source().refusedCount()).as("the same checkpoint is not re-verified").isEqualTo(1);

            log.witnessing.set(true);
            log.append(approve(fed, 3));
            nodes.pollAll();
            assertThat(a.table().logSize()).isEqualTo(4);
            assertThat(a.table().contains(peer(2).name())).isTrue();
            assertThat(a.health().unwitnessed()).isNull();
            assertThat(a.health().status()).isEqualTo("pending");
        }
    }

    @Test
    void aNewNodeWaitsForAWitnessedCheckpointAndAQuorumNonePolicyFollowsWithoutOne() throws Exception {
        TestFederation fed = new TestFederation("none");
        try (TestLog log = new TestLog(dir, fed.vkey()); TestNodes nodes = new TestNodes(dir, log, fed)) {
            log.witnessing.set(false);
            log.append(fed.genesis());
            NodeAgent strict = nodes.start("strict.nodes.test", NodeRole.MAILBOX);
            assertThat(strict.health().status()).isEqualTo("syncing");
            assertThat(strict.health().lastError()).contains("no checkpoint with the witness quorum yet");
            nodes.quorumNone = true;
            NodeAgent lax = nodes.start("lax.nodes.test", NodeRole.MAILBOX);
            assertThat(lax.health().status()).isEqualTo("pending");
            assertThat(lax.health().witnessed()).isFalse();
        }
    }

    @Test
    void aRestartResumesFromThePersistedStateEvenWithTheLogDown() throws Exception {
        TestFederation fed = new TestFederation("restart");
        try (TestLog log = new TestLog(dir, fed.vkey()); TestNodes nodes = new TestNodes(dir, log, fed)) {
            log.append(fed.genesis());
            for (int i = 1; i <= 5; i++) {
                log.append(approve(fed, i));
            }
            NodeAgent a = nodes.start("r.nodes.test", NodeRole.MAILBOX);
            assertThat(a.table().logSize()).isEqualTo(6);
            var table = a.table();
            nodes.stop(a);

            log.front.down();
            NodeAgent again = nodes.start("r.nodes.test", NodeRole.MAILBOX);
            assertThat(again.table()).isEqualTo(table);
            assertThat(again.health().lastError()).contains("down");
            long tilesBefore = log.front.tiles.get();

            log.front.switchTo(log.log);
            log.append(approve(fed, 6));
            again.pollNow();
            assertThat(again.table().logSize()).isEqualTo(7);
            assertThat(again.health().lastError()).isNull();
            assertThat(log.front.tiles.get() - tilesBefore).as("only the new entries' tiles are read").isLessThanOrEqualTo(4);
            nodes.stop(again);

            // A torn state file is set aside, never half read; the node starts over from genesis.
            Path state = dir.resolve("r.nodes.test").resolve("state").resolve("node.state");
            byte[] full = Files.readAllBytes(state);
            Files.write(state, java.util.Arrays.copyOf(full, full.length - 40));
            NodeAgent third = nodes.start("r.nodes.test", NodeRole.MAILBOX);
            assertThat(third.table().logSize()).isEqualTo(7);
            try (var files = Files.list(state.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("node.state.corrupt-"));
            }
        }
    }

    @Test
    void aNewNodeBootstrapsFromAVerifiedSnapshotAndRefusesABadOne() throws Exception {
        TestFederation fed = new TestFederation("bootstrap");
        try (TestLog log = new TestLog(dir, fed.vkey()); TestNodes nodes = new TestNodes(dir, log, fed)) {
            log.append(fed.genesis());
            for (int i = 1; i <= 6; i++) {
                log.append(approve(fed, i));
            }
            DirectoryFold fold = DirectoryFold.fromGenesis(fed.vkey());
            for (Bytes e : log.entries) {
                fold.apply(e.toArray());
            }
            Directory snap = fold.directory();
            long index = log.append(fed.snapshot(snap));
            log.append(fed.remove(peer(2), "gone"));
            SnapshotBundle good = new SnapshotBundle(index, log.entries.get((int) index), snap.text(),
                    Bytes.wrap(log.log.receipt(index).encode()));
            SnapshotBundle wrongDigest = new SnapshotBundle(index, good.entry(),
                    snap.text().replace("latest-time " + snap.latestTime(), "latest-time " + snap.latestTime().plusSeconds(1)),
                    good.proof());
            try (HttpService member = member(() -> good.encode()); HttpService liar = member(() -> wrongDigest.encode())) {
                log.front.down();
                NodeAgent fresh = nodes.start("fresh.nodes.test", NodeRole.ODS, List.of(uri(liar), uri(member)));
                assertThat(fresh.table().logSize()).as("started from the snapshot, with the log down").isEqualTo(index);
                assertThat(fresh.table().peers()).hasSize(6);
                NodeAgent fooled = nodes.start("fooled.nodes.test", NodeRole.ODS, List.of(uri(liar)));
                assertThat(fooled.table().logSize()).as("a bundle whose digest differs is refused").isZero();

                log.front.switchTo(log.log);
                nodes.pollAll();
                assertThat(fresh.table().logSize()).isEqualTo(log.size());
                assertThat(fresh.table().contains(peer(2).name())).isFalse();
                assertThat(fooled.table()).isEqualTo(fresh.table());
            }
        }
    }

    static HttpService member(Supplier<byte[]> bundle) {
        return HttpService.start(HttpService.Options.loopback("member"), r -> r.get("/directory",
                ctx -> ctx.contentType("application/json").result(bundle.get())));
    }

    static URI uri(HttpService s) {
        return s.baseUri();
    }
}

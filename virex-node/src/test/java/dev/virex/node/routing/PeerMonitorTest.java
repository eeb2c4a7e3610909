package dev.virex.node.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.decision.NodeRole;
import dev.virex.node.net.TestFederation;
import dev.virex.testkit.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PeerMonitorTest {
    @Test
    void reachabilityPerPeerRoundRobinAndLinksClosedWhenForgotten() throws Exception {
        TestFederation fed = new TestFederation("monitor");
        try (ServerSocket up = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket gone = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int deadPort = gone.getLocalPort();
            gone.close();
            List<Bytes> entries = new ArrayList<>();
            entries.add(fed.genesis());
            String a = "127.0.0.1:" + up.getLocalPort();
            String b = "127.0.0.1:" + deadPort;
            entries.add(fed.approve(TestFederation.info(RoutingTableTest.key("up"), NodeRole.MAILBOX, a, a)));
            entries.add(fed.approve(TestFederation.info(RoutingTableTest.key("down"), NodeRole.MAILBOX, b, b)));
            entries.add(fed.approve(TestFederation.info(RoutingTableTest.key("self"), NodeRole.MAILBOX, a, a)));
            AtomicReference<RoutingTable> table = new AtomicReference<>(RoutingTable.of(foldWith(fed, entries)));
            MutableClock clock = MutableClock.atEpoch();
            try (PeerLinks links = new PeerLinks()) {
                PeerMonitor m = new PeerMonitor(RoutingTableTest.key("self").name(), table::get, links, clock, Duration.ofSeconds(2), 1);
                m.checkRound();
                m.checkRound();
                m.checkRound();
                assertThat(m.snapshot()).containsOnlyKeys(RoutingTableTest.key("up").name(), RoutingTableTest.key("down").name());
                PeerMonitor.Report r = m.report();
                assertThat(r.peers()).isEqualTo(3);
                assertThat(r.reachable()).isEqualTo(1);
                assertThat(r.unreachable()).extracting(PeerMonitor.Reachability::peer).containsExactly(RoutingTableTest.key("down").name());
                clock.advance(Duration.ofMinutes(1));
                m.checkRound();
                m.checkRound();
                var down = m.reachability(RoutingTableTest.key("down").name()).orElseThrow();
                assertThat(down.failures()).isEqualTo(3);
                assertThat(down.since()).as("unreachable since the first failure").isEqualTo(MutableClock.atEpoch().instant());
                assertThat(links.isOpen(RoutingTableTest.key("up").name())).isTrue();

                // "up" was checked twice: the first link was replaced (closed), the second is open until forgotten.
                try (Socket first = up.accept(); Socket second = up.accept()) {
                    first.setSoTimeout(10_000);
                    assertThat(first.getInputStream().read()).isEqualTo(-1);
                    second.setSoTimeout(200);
                    assertThatThrownBy(() -> second.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                    m.forget(RoutingTableTest.key("up").name());
                    assertThat(links.isOpen(RoutingTableTest.key("up").name())).isFalse();
                    second.setSoTimeout(10_000);
                    assertThat(second.getInputStream().read()).isEqualTo(-1);
                }
            }
        }
    }

    static dev.virex.core.decision.Directory foldWith(TestFederation fed, List<Bytes> entries) throws Exception {
        dev.virex.core.decision.DirectoryFold f = dev.virex.core.decision.DirectoryFold.fromGenesis(fed.vkey());
        for (Bytes e : entries) {
            f.apply(e.toArray());
        }
        return f.directory();
    }
}

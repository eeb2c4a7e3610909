package dev.virex.core.decision;

import static dev.virex.core.decision.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionsTest {
    static List<Decision> examples() throws Exception {
        return List.of(
                Fixtures.genesis(5, 3),
                Fixtures.approve("mix-1.virex.example", "192.0.2.10:4000", T0.plusSeconds(60)),
                new JoinRejected(Fixtures.header(DecisionKind.JOIN_REJECTED, T0.plusSeconds(61)),
                        Fixtures.node("mix-2.virex.example", "[2001:db8::7]:4000"), Fixtures.requestHash("r2"),
                        List.of(new Reason("operator-cap", "operator-a already runs 3 nodes"), Reason.of("stale-software"))),
                Fixtures.remove("mix-1.virex.example", T0.plusSeconds(120)),
                Fixtures.params(T0.plusSeconds(130), T0.plusSeconds(300), Map.of("pow.effort-floor", "2000", "rate.per-second", "5")),
                Fixtures.epoch(7, T0.plusSeconds(140)),
                new DirectorySnapshot(Fixtures.header(DecisionKind.DIRECTORY, T0.plusSeconds(150)), 6, Fixtures.requestHash("d"), 0));
    }

    @Test
    void everyKindRoundTripsCanonically() throws Exception {
        for (Decision d : examples()) {
            assertThat(Decisions.parse(d.text())).as(d.kind().wire()).isEqualTo(d);
        }
    }

    @Test
    void joinApprovedHasTheDocumentedLayout() throws Exception {
        String text = examples().get(1).text();
        assertThat(text).startsWith("virex-decision/v1\nkind join-approved\nfederation federation.virex.example\n"
                + "time 2026-11-21T06:01:00Z\nnode mix-1.virex.example+");
        assertThat(text).contains("\nrole mixnode\naddress 192.0.2.10:4000\ncontrol 192.0.2.10:4001\nregion eu-west\nbandwidth-mbps 100\noperator operator-a+");
        assertThat(text).endsWith("\nsoftware 0.1.0\nrequest " + Fixtures.requestHash("mix-1.virex.example" + T0.plusSeconds(60)).toHex() + "\n");
    }

    @Test
    void nonCanonicalTextsAreRefused() throws Exception {
        String ok = examples().get(1).text();
        List<String> bad = List.of(
                ok.replace("virex-decision/v1", "virex-decision/v2"),
                ok.replace("kind join-approved", "kind join-approved-maybe"),
                ok.replace("time 2026-11-21T06:01:00Z", "time 2026-11-21T06:01:00.000Z"),
                ok.replace("time 2026-11-21T06:01:00Z", "time 2026-11-21 06:01:00"),
                ok.replace("bandwidth-mbps 100", "bandwidth-mbps 0100"),
                ok.replace("bandwidth-mbps 100", "bandwidth-mbps  100"),
                ok.replace("bandwidth-mbps 100", "bandwidth-mbps 100 "),
                ok.replace("region eu-west", "region EU West"),
                ok.replace("address 192.0.2.10:4000", "address 192.0.2.010:4000"),
                ok.replace("address 192.0.2.10:4000", "address mix.example:4000"),
                ok.replace("address 192.0.2.10:4000", "address 192.0.2.10:70000"),
                ok.replace("role mixnode\n", "role router\n"),
                ok.replace("role mixnode\naddress", "address").replace("region", "role mixnode\nregion"),
                ok + "extra line\n",
                ok.substring(0, ok.length() - 1),
                ok.replace("\nrequest ", "\nrequest 00"),
                ok.replace("software 0.1.0", "software 0.1.0\tbeta"));
        for (String b : bad) {
            assertThatThrownBy(() -> Decisions.parse(b)).as(b).isInstanceOf(DecisionFormatException.class);
        }
        assertThatThrownBy(() -> Decisions.parse("x".repeat(Decision.MAX_TEXT + 1) + "\n"))
                .hasMessageContaining("longer than");
    }

    @Test
    void paramsMustBeSortedAndUnique() throws Exception {
        String ok = examples().get(4).text();
        String swapped = ok.replace("param pow.effort-floor 2000\nparam rate.per-second 5\n",
                "param rate.per-second 5\nparam pow.effort-floor 2000\n");
        assertThatThrownBy(() -> Decisions.parse(swapped)).hasMessageContaining("sorted");
        String dup = ok.replace("param rate.per-second 5\n", "param pow.effort-floor 3000\n");
        assertThatThrownBy(() -> Decisions.parse(dup)).hasMessageContaining("sorted and unique");
    }

    @Test
    void ipv6AddressesAreCanonicalAndSubnetsComputed() throws Exception {
        assertThat(NodeAddress.parse("[2001:db8::7]:4000").subnet()).isEqualTo("2001:0db8:0000::/48");
        assertThat(NodeAddress.parse("192.0.2.10:4000").subnet()).isEqualTo("192.0.2.0/24");
        assertThatThrownBy(() -> NodeAddress.parse("[2001:0db8::7]:4000")).hasMessageContaining("canonical");
        assertThatThrownBy(() -> NodeAddress.parse("[2001:DB8::7]:4000")).isInstanceOf(DecisionFormatException.class);
        assertThat(NodeAddress.parse("[::1]:1").toString()).isEqualTo("[::1]:1");
    }

    @Test
    void recordsValidateThemselves() {
        assertThatThrownBy(() -> new EpochBeacon(Fixtures.header(DecisionKind.EPOCH, T0), 1, T0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JoinRejected(Fixtures.header(DecisionKind.JOIN_REJECTED, T0),
                Fixtures.node("n", "192.0.2.1:1"), Fixtures.requestHash("x"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reason("Bad Code", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fixtures.genesis(3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JoinApproved(Fixtures.header(DecisionKind.EPOCH, T0), Fixtures.node("n", "192.0.2.1:1"),
                Fixtures.requestHash("x"))).hasMessageContaining("kind");
    }
}

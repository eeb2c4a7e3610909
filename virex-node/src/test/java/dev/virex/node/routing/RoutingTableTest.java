package dev.virex.node.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.Bytes;
import dev.virex.core.decision.Directory;
import dev.virex.core.decision.DirectoryFold;
import dev.virex.core.decision.NodeRole;
import dev.virex.core.note.VerifierKey;
import dev.virex.node.net.TestFederation;
import dev.virex.testkit.TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
    static TestFederation fed;
    static List<Bytes> base = new ArrayList<>();

    static VerifierKey key(String name) {
        return TestKeys.signer(name + ".routing.test").verifierKey();
    }

    @BeforeAll
    static void directory() throws Exception {
        fed = new TestFederation("routing");
        base.add(fed.genesis());
        for (int i = 0; i < 7; i++) {
            base.add(fed.approve(TestFederation.info(key("mix" + i), NodeRole.MIXNODE, "192.0.2." + (i + 1) + ":4000", "192.0.2." + (i + 1) + ":4001")));
        }
        base.add(fed.approve(TestFederation.info(key("box"), NodeRole.MAILBOX, "192.0.2.50:4000", "192.0.2.50:4001")));
        base.add(fed.approve(TestFederation.info(key("ods"), NodeRole.ODS, "[2001:db8::1]:4000", "[2001:db8::1]:4001")));
    }

    static Directory fold(List<Bytes> entries) throws Exception {
        DirectoryFold f = DirectoryFold.fromGenesis(fed.vkey());
        for (Bytes e : entries) {
            f.apply(e.toArray());
        }
        return f.directory();
    }

    @Test
    void everyPeerWithItsRoleAndAddressesAndBalancedMixLayers() throws Exception {
        RoutingTable t = RoutingTable.of(fold(base));
        assertThat(t.logSize()).isEqualTo(10);
        assertThat(t.peers()).hasSize(9);
        assertThat(t.byRole(NodeRole.MIXNODE)).hasSize(7);
        assertThat(t.peer(key("ods").name()).orElseThrow().address().toString()).isEqualTo("[2001:db8::1]:4000");
        assertThat(t.peer(key("box").name()).orElseThrow().layer()).isEqualTo(Peer.NO_LAYER);
        assertThat(t.layers()).isEqualTo(3);
        assertThat(List.of(t.layer(0).size(), t.layer(1).size(), t.layer(2).size())).containsExactlyInAnyOrder(3, 2, 2);
        assertThat(t.epoch()).isEmpty();
        assertThat(RoutingTable.of(fold(base))).as("the same directory gives the same table").isEqualTo(t);
    }

    @Test
    void layersFollowTheEpochSeedAndTheLayersParameter() throws Exception {
        List<Bytes> withEpoch = new ArrayList<>(base);
        withEpoch.add(fed.epoch(1, fed.now(), Duration.ofMinutes(10)));
        Directory d = fold(withEpoch);
        RoutingTable t = RoutingTable.of(d);
        assertThat(t.epoch()).hasValue(1);
        assertThat(t.layerSeed()).isEqualTo(d.epoch().orElseThrow().seed());
        Map<String, Integer> before = layers(RoutingTable.of(fold(base)));
        assertThat(layers(t)).as("a new epoch seed reshuffles the layers").isNotEqualTo(before);

        withEpoch.add(fed.params(fed.now(), Map.of(RoutingTable.LAYERS_PARAM, "2")));
        withEpoch.add(fed.epoch(2, fed.now(), Duration.ofMinutes(10)));
        RoutingTable two = RoutingTable.of(fold(withEpoch));
        assertThat(two.layers()).isEqualTo(2);
        assertThat(List.of(two.layer(0).size(), two.layer(1).size())).containsExactlyInAnyOrder(4, 3);
    }

    @Test
    void droppedAndAddedPeers() throws Exception {
        RoutingTable before = RoutingTable.of(fold(base));
        List<Bytes> more = new ArrayList<>(base);
        more.add(fed.remove(key("mix3"), "misbehaving"));
        more.add(fed.approve(TestFederation.info(key("late"), NodeRole.ODS, "192.0.2.60:4000", "192.0.2.60:4001")));
        RoutingTable after = RoutingTable.of(fold(more));
        assertThat(after.droppedSince(before)).extracting(Peer::id).containsExactly(key("mix3").name());
        assertThat(after.addedSince(before)).extracting(Peer::id).containsExactly(key("late").name());
        assertThat(RoutingTable.empty().droppedSince(before)).hasSize(9);
    }

    @Test
    void layerAssignmentIsSortedByRankAndRefusesBadLayerCounts() {
        assertThatThrownBy(() -> MixLayers.assign(List.of(), MixLayers.NO_SEED, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MixLayers.assign(List.of(), MixLayers.NO_SEED, 17)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MixLayers.rank(MixLayers.NO_SEED, "a")).isNotEqualTo(MixLayers.rank(Bytes.wrap(new byte[] {1}), "a"));
    }

    static Map<String, Integer> layers(RoutingTable t) {
        return t.byRole(NodeRole.MIXNODE).stream().collect(Collectors.toMap(Peer::id, Peer::layer));
    }
}

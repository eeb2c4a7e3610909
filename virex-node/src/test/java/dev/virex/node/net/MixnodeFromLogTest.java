package dev.virex.node.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.virex.core.decision.NodeRole;
import dev.virex.http.Json;
import dev.virex.node.agent.NodeAgent;
import dev.virex.node.routing.MixLayers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mixnode node takes its abuse parameters and PoW seeds from the log: it switches effort at the
 * activation time of a logged {@code params-changed}, and its seeds are the logged epoch seeds.
 */
class MixnodeFromLogTest {
    @TempDir
    Path dir;

    @Test
    void effortSwitchesAtTheLoggedActivationAndSeedsAreTheLoggedOnes() throws Exception {
        TestFederation fed = new TestFederation("mixnode");
        try (TestLog log = new TestLog(dir, fed.vkey()); TestNodes nodes = new TestNodes(dir, log, fed)) {
            log.append(fed.genesis());
            NodeAgent mix = nodes.start("mix.nodes.test", NodeRole.MIXNODE);
            JsonNode before = pow(mix);
            assertThat(before.get("effortFloor").asLong()).isEqualTo(16);

            Instant now = nodes.clock.instant();
            Instant activation = now.plusSeconds(60);
            log.append(fed.approve(TestNodes.info(mix, NodeRole.MIXNODE)));
            log.append(fed.epoch(7, now.minusSeconds(5), Duration.ofMinutes(10)));
            log.append(fed.params(activation, Map.of("abuse.effort-floor", "3000", "mix.layers", "2")));
            mix.pollNow();
            assertThat(mix.health().status()).isEqualTo("ok");
            // Layers follow the parameters in force at the latest decision's time, not the local clock.
            assertThat(mix.table().layers()).isEqualTo(MixLayers.DEFAULT_LAYERS);

            JsonNode pending = pow(mix);
            assertThat(pending.get("effortFloor").asLong()).isEqualTo(16);
            assertThat(pending.get("nextParams").asText()).contains("activation " + activation, "effort-floor 3000\n");
            String logged = mix.follower().directory().orElseThrow().epoch().orElseThrow().seed().toHex();
            assertThat(pending.get("seeds").get(0).get("epoch").asLong()).isEqualTo(7);
            assertThat(pending.get("seeds").get(0).get("seed").asText()).isEqualTo(logged);

            nodes.clock.set(activation);
            JsonNode after = pow(mix);
            assertThat(after.get("effortFloor").asLong()).isEqualTo(3000);
            assertThat(after.get("nextParams").asText()).isEmpty();
        }
    }

    static JsonNode pow(NodeAgent a) throws Exception {
        return Json.MAPPER.readTree(NodeNetworkTest.get(a.controlUri(), "/v1/pow").body());
    }
}

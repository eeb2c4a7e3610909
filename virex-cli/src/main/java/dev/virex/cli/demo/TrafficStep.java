package dev.virex.cli.demo;

import dev.virex.core.decision.AdmittedNode;
import dev.virex.core.decision.NetworkParams;
import dev.virex.core.decision.DecisionFormatException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Step "clients send": starts the honest clients and waits until each mixnode's PoW gate has let their messages in. */
final class TrafficStep {
    static final Duration WAIT = Duration.ofSeconds(30);

    private TrafficStep() {}

    static void run(DemoNetwork net, DemoOptions options, Narrator n) throws Exception {
        n.step(Describe.count(options.clients(), "client") + " send messages with proof-of-work to the mixnodes",
                "Abuse Prevention 3 steps 2 and 3, \"The network requires the client to solve a Proof-of-Work challenge\", "
                        + "\"Mixnodes verify the PoW solution before accepting the message\".");
        long floor = floor(net);
        n.say("Each client has its own address (127.0.1.1 and up), reads a mixnode's PoW parameters (GET /v1/pow: effort floor "
                + floor + ", seeds derived from the log's epoch beacon), seals each message to that mixnode, solves the PoW and "
                + "sends it over the packet port; about one message a second per client, to mixnodes of the verified directory, "
                + "for as long as the demo runs.");
        net.clients = Clients.start(options.clients(), () -> Clients.mixnodesOf(net.watch));
        long deadline = System.nanoTime() + WAIT.toNanos();
        long want = 2L * options.clients();
        while (net.clients.total().accepted() < want) {
            DemoFailure.check(System.nanoTime() < deadline, "the clients' messages were not accepted within " + WAIT.toSeconds()
                    + " s: " + net.clients.total().summary());
            Thread.sleep(100);
        }
        List<AdmittedNode> mixnodes = Clients.mixnodesOf(net.watch);
        n.done("messages flowing: " + net.clients.total().summary() + ", across " + mixnodes.size() + " mixnodes");
    }

    /** The effort floor in force now, from the verified directory. */
    static long floor(DemoNetwork net) {
        try {
            return NetworkParams.of(net.watch.directory().paramsAt(Instant.now())).abuse().effortFloor();
        } catch (DecisionFormatException e) {
            throw new DemoFailure("the logged parameters do not parse: " + e.getMessage(), e);
        }
    }
}

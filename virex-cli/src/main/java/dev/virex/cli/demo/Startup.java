package dev.virex.cli.demo;

import dev.virex.auditor.notice.CheckpointSeen;
import dev.virex.auditor.notice.Notice;
import dev.virex.cli.KeyFiles;
import dev.virex.core.decision.DirectorySnapshot;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.node.agent.NodeSoftware;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Brings up the governance side of the network, narrating each step: the federation's DKG, the log
 * and its witnesses, the members and their genesis decisions, and the auditor.
 */
final class Startup {
    static final Duration WAIT = Duration.ofSeconds(60);

    private final DemoNetwork net;
    private final DemoOptions options;
    private final Narrator n;
    private final SecureRandom random = new SecureRandom();

    Startup(DemoNetwork net, DemoOptions options, Narrator n) {
        this.net = net;
        this.options = options;
        this.n = n;
    }

    void run() throws Exception {
        Ports ports = new Ports();
        SignerKey logKey = SignerKey.generate("log.demo.example", random);
        Files.createDirectories(net.dir.resolve("log"));
        KeyFiles.writeNew(net.dir.resolve("log/log.key"), logKey);
        URI logUrl = URI.create("http://127.0.0.1:" + ports.free());
        net.policyFile = net.dir.resolve("witness-policy.txt");

        n.step("A federation of " + Describe.count(options.members(), "member") + " makes its group key together (distributed key "
                + "generation over HTTP)",
                "Join Flow 6, \"Federation uses M-of-N threshold signatures to approve join requests\".");
        net.federation = Federation.configure(net.dir.resolve("federation"), options.members(), options.threshold(), logUrl,
                logKey.verifierKey(), NodeSoftware.VERSION, net.policyFile, ports, random);
        for (Federation.Member m : net.federation.members()) {
            n.say(Describe.shortName(m.name()) + " at " + m.url() + ", identity key " + m.identity().verifierKey().name());
        }
        n.say("Each member serves its signed DKG rounds over HTTP and fetches the others'; each ends with a key share, and no one "
                + "ever holds the group secret (FROST, RFC 9591; configuration as 'virex federation init --demo').");
        VerifierKey group = net.federation.keygen(WAIT);
        n.done("group key " + group.encode() + "; any " + options.threshold() + " of the " + options.members()
                + " members sign a decision, as one Ed25519 signature");

        n.step("A transparency log and 3 witnesses", "Join Flow 3.3 and 6, \"Approval events logged in transparency logs for "
                + "accountability\".");
        net.witnesses = Witnesses.start(net.dir.resolve("witnesses"), 3, logKey.verifierKey(), random);
        net.witnesses.writePolicy(net.policyFile, logKey.verifierKey(), logUrl, 2);
        net.policy = TlogPolicy.parse(Files.readAllBytes(net.policyFile));
        net.log = LogService.start(net.dir.resolve("log/data"), logKey, logUrl.getPort(), group, net.policy);
        n.say("log " + logKey.name() + " at " + net.log.url() + " (C2SP tlog-tiles); it admits only entries signed by the group key");
        for (Witnesses.Witness w : net.witnesses.list()) {
            n.say("witness " + w.policyName() + " " + w.name() + " at " + w.url());
        }
        n.say("The log publishes a checkpoint only once 2 of the 3 witnesses cosigned it (C2SP tlog-witness), so it cannot show "
                + "different histories to different readers. Members, nodes, the auditor and this demo all read the log through "
                + "that quorum: " + net.policyFile.getFileName());
        n.done("log and witnesses serving");

        n.step("The members start and sign the genesis: every decision needs " + options.threshold() + " of "
                + options.members() + " signatures", "Join Flow 3.3, \"If approved by M-of-N signatures, the join request is added to "
                + "transparency logs\".");
        net.federation.start();
        net.watch = LogWatch.start(net.log.url(), logKey.verifierKey(), group, net.policy);
        n.say("This demo reads the log as any outsider would: witnessed checkpoints, Merkle proofs, the group signature on each "
                + "entry and its FROST attestation naming the members who signed.");
        long from = 0;
        while (true) {
            LogWatch.Seen s = net.watch.await(from, WAIT, "genesis snapshot", x -> true);
            n.say(Describe.entry(s));
            from = s.index() + 1;
            if (s.decision() instanceof DirectorySnapshot) {
                break;
            }
        }
        n.done("genesis logged, entries #0 to #" + (from - 1));

        auditor(logKey.verifierKey(), group);
    }

    private void auditor(VerifierKey logKey, VerifierKey group) throws Exception {
        n.step("An auditor re-verifies the log and publishes signed notices",
                "Join Flow 3.5, \"Auditors verify the process and publish checkpoints for public trust\".");
        net.auditor = AuditorLauncher.start(net.dir.resolve("auditor"), net.log.url(), logKey, group, net.policyFile, net.policy, random);
        n.say(AuditorLauncher.NAME + " at " + net.auditor.url() + ": notices at /notices and /notices.atom, its state at /state, "
                + "the dashboard at /dashboard");
        n.say("It follows the log from genesis, checks every checkpoint's witness quorum, every entry's group signature and "
                + "attestation, the fold, and its own limits (auditor/auditor.conf), and signs a notice for each checkpoint.");
        Notice notice = awaitCheckpointNotice(net.watch.size());
        CheckpointSeen cp = (CheckpointSeen) notice.subject();
        n.done("notice " + notice.serial() + ": checkpoint of " + cp.size() + " entries, cosigned by " + Describe.names(cp.cosigners())
                + ", verified under the auditor's vkey");
    }

    /** The auditor's first checkpoint notice covering at least {@code size} entries, verified. */
    Notice awaitCheckpointNotice(long size) throws Exception {
        return awaitCheckpointNotice(net, size);
    }

    static Notice awaitCheckpointNotice(DemoNetwork net, long size) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<Notice> notices = net.web.notices(net.auditor.url(), net.auditor.vkey());
            Optional<Notice> hit = notices.stream().filter(x -> x.subject() instanceof CheckpointSeen c && c.size() >= size)
                    .reduce((a, b) -> b);
            if (hit.isPresent()) {
                return hit.get();
            }
            DemoFailure.check(System.nanoTime() < deadline, "the auditor published no notice for a checkpoint of " + size
                    + " entries within " + WAIT.toSeconds() + " s");
            Thread.sleep(200);
        }
    }
}

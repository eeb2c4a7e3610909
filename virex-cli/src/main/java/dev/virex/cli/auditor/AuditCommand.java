package dev.virex.cli.auditor;

import dev.virex.auditor.AuditSink;
import dev.virex.auditor.Auditor;
import dev.virex.auditor.config.AuditorConfig;
import dev.virex.auditor.enforce.HttpMixnodeReader;
import dev.virex.auditor.gossip.GossipPeer;
import dev.virex.auditor.gossip.HttpGossipPeer;
import dev.virex.cli.ClientTlsOptions;
import dev.virex.cli.UserError;
import dev.virex.cli.log.VerifierKeys;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.witness.WitnessApi;
import dev.virex.log.http.HttpLogClient;
import dev.virex.log.witness.HttpWitnessClient;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Audit a federation's log once, from genesis: every checkpoint's signature",
            "and consistency, every entry's group signature, decision and FROST",
            "attestation (M real members), the fold's anomalies, the limits and",
            "onboarding rules of --policy (an auditor configuration file), and the",
            "witness quorum of a tlog-policy. Prints a report; a progress bar goes to",
            "stderr. Exit code 1 when a violation is found (warnings alone exit 0).",
            "HTTPS servers are checked with --tls-ca and --tls-pin, else with the",
            "--policy file's tls-ca and tls-pin."
        })
public final class AuditCommand implements Callable<Integer> {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "URL", description = "The log's URL (its tlog-tiles prefix).")
    URI log;

    @Option(names = "--federation-vkey", required = true, paramLabel = "VKEY", description = "The federation's genesis group key.")
    String federation;

    @Option(names = "--log-vkey", paramLabel = "VKEY", description = "The log's key (default: from --policy or --witness-policy).")
    String logVkey;

    @Option(names = "--policy", paramLabel = "FILE", description = "An auditor configuration file: limits, rules, witness policy.")
    Path policy;

    @Option(names = "--witness-policy", paramLabel = "FILE", description = "A C2SP tlog-policy: check each checkpoint's witness quorum.")
    Path witnessPolicy;

    @Option(names = "--peer", paramLabel = "URL", description = "Another auditor to exchange checkpoints with (repeatable).")
    List<URI> peers = List.of();

    @Option(names = "--check-mixnodes", description = "Also read every admitted mixnode's enforcement report and metrics.")
    boolean checkMixnodes;

    @Option(names = "--node-control", paramLabel = "SCHEME", description = {"http or https: how the mixnodes' control endpoints",
        "are reached (default: the --policy file's node-control, else http)."})
    String nodeControl;

    @picocli.CommandLine.Mixin
    ClientTlsOptions tls = new ClientTlsOptions();

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
        AuditorConfig config = policy == null ? AuditorConfig.defaults() : AuditorFiles.config(policy);
        Optional<TlogPolicy> witnesses = AuditorFiles.policy(Optional.ofNullable(witnessPolicy).or(config::witnessPolicy));
        VerifierKey logKey = logKey(config, witnesses);
        VerifierKeys.ed25519("--federation-vkey", federation);
        VerifierKey federationKey = parse(federation);
        HttpClient client = ClientTlsOptions.client(tls.isEmpty() ? config.transport().tls().client() : tls.trust());
        String scheme = nodeControl != null ? nodeControl : config.transport().nodeControl();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UserError("invalid --node-control '" + scheme + "': http or https");
        }
        AuditReport report = new AuditReport();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), quiet);
        Auditor auditor = new Auditor(new Auditor.Setup(new HttpLogClient(log, client, TIMEOUT), logKey.name(), logKey.noteVerifier(),
                federationKey, witnesses, config.limits(), config.rules()), AuditSink.all(report));
        auditor.poll(bar);
        bar.done();
        auditor.trouble().ifPresent(t -> {
            throw new UserError(t);
        });
        if (!peers.isEmpty() || witnesses.isPresent()) {
            Map<String, GossipPeer> gp = new LinkedHashMap<>();
            peers.forEach(p -> gp.put(p.toString(), new HttpGossipPeer(p, client, TIMEOUT)));
            Map<String, WitnessApi> wp = new LinkedHashMap<>();
            witnesses.ifPresent(pol -> pol.witnesses().values().forEach(w -> w.url().ifPresent(u ->
                    wp.put(w.name(), new HttpWitnessClient(URI.create(u), client, TIMEOUT)))));
            auditor.gossip(gp, wp);
            auditor.poll(bar);
        }
        if (checkMixnodes) {
            auditor.checkEnforcement(n -> new HttpMixnodeReader(scheme, n.info().control(), client, TIMEOUT), Clock.systemUTC().instant());
        }
        PrintWriter out = spec.commandLine().getOut();
        report.print(out, logKey.name());
        auditor.halted().ifPresent(h -> out.println("audit halted: " + h));
        out.flush();
        return report.violations() > 0 || auditor.halted().isPresent() ? 1 : 0;
    }

    private VerifierKey logKey(AuditorConfig config, Optional<TlogPolicy> witnesses) {
        if (logVkey != null) {
            VerifierKeys.ed25519("--log-vkey", logVkey);
            return parse(logVkey);
        }
        if (config.logKey().isPresent()) {
            return config.logKey().get();
        }
        if (witnesses.isPresent() && witnesses.get().logs().size() == 1) {
            return witnesses.get().logs().get(0).key();
        }
        throw new UserError("give the log's key with --log-vkey (or a --policy or --witness-policy that names one log)");
    }

    private static VerifierKey parse(String vkey) {
        try {
            return VerifierKey.parse(vkey.strip());
        } catch (NoteException e) {
            throw new UserError("invalid verifier key '" + vkey + "': " + e.getMessage());
        }
    }
}

package dev.virex.cli.federation;

import dev.virex.cli.KeyFiles;
import dev.virex.cli.UserError;
import dev.virex.core.Bytes;
import dev.virex.core.note.KeyNames;
import dev.virex.core.note.SignerKey;
import dev.virex.federation.config.ConfigFiles;
import dev.virex.federation.config.FederationConfig;
import dev.virex.federation.config.MemberConfig;
import dev.virex.federation.config.MemberTls;
import dev.virex.federation.config.ReviewPolicy;
import dev.virex.federation.config.Timing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write the configuration of a new federation of N members, M to decide.",
            "DIR/federation.json: members, URLs, identity vkeys, DKG session, log.",
            "DIR/member-i/: identity.key (mode 0600), member.json, policy.json.",
            "Without --log-vkey it makes a log key too, in DIR/log/log.key."})
public final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "FED", description = "Federation name: the group key's name, e.g. federation.example.org.")
    String name;

    @Option(names = "--members", required = true, paramLabel = "N", description = "Number of members (1 to 64).")
    int members;

    @Option(names = "--threshold", required = true, paramLabel = "M", description = "Members needed for a decision (1 to N).")
    int threshold;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Directory to write (created; must not contain a federation.json).")
    Path dir;

    @Option(names = "--base-port", paramLabel = "P", defaultValue = "7100",
            description = "The log listens on P, member i on P + i, all on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--log-url", paramLabel = "URL", description = "The log's URL (default http(s)://127.0.0.1:<base port>).")
    String logUrl;

    @Option(names = "--log-vkey", paramLabel = "VKEY", description = "The log's vkey, if the log exists already.")
    String logVkey;

    @Option(names = "--demo", description = {"Short probation, small join effort, short epochs, this build's",
        "software version approved: for a demo on one machine."})
    boolean demo;

    @Option(names = "--witness-policy", paramLabel = "FILE", description = {"A C2SP tlog-policy every member requires of the",
        "log's checkpoints (written into each member.json; the file may come later)."})
    Path witnessPolicy;

    @Option(names = "--https", description = {"HTTPS everywhere: https:// URLs for the members and the log, and in",
        "each member.json a 'tls' block naming tls-cert.pem and tls-key.pem in the",
        "member's folder and the CA file DIR/ca.pem (make them before serving);",
        "nodes' control endpoints are probed over HTTPS."})
    boolean https;

    @Override
    public Integer call() throws IOException {
        if (!KeyNames.isValid(name)) {
            throw new UserError("invalid --name '" + name + "': a key name without spaces or '+'");
        }
        if (members < 1 || members > 64 || threshold < 1 || threshold > members) {
            throw new UserError("need 1 <= --threshold <= --members <= 64");
        }
        if (basePort < 1 || basePort + members > 65535) {
            throw new UserError("--base-port leaves no room for " + members + " members");
        }
        if (Files.exists(dir.resolve("federation.json"))) {
            throw new UserError(dir.resolve("federation.json") + " exists; refusing to overwrite a federation");
        }
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        PrintWriter out = spec.commandLine().getOut();
        String logKeyText = logVkey;
        if (logKeyText == null) {
            Files.createDirectories(dir.resolve("log"));
            SignerKey logKey = SignerKey.generate("log." + name, random);
            KeyFiles.writeNew(dir.resolve("log/log.key"), logKey);
            logKeyText = logKey.verifierKey().encode();
        }
        List<FederationConfig.MemberInfo> infos = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            String member = "member-" + i + "." + name;
            Path mdir = dir.resolve("member-" + i);
            Files.createDirectories(mdir);
            SignerKey id = SignerKey.generate(member, random);
            KeyFiles.writeNew(mdir.resolve("identity.key"), id);
            infos.add(new FederationConfig.MemberInfo(member, scheme() + "://127.0.0.1:" + (basePort + i), id.verifierKey().encode()));
            ReviewPolicy policy = demo ? DemoSettings.policy() : ReviewPolicy.defaults();
            ConfigFiles.write(mdir.resolve("policy.json"), policy);
            ConfigFiles.write(mdir.resolve("member.json"), new MemberConfig(member, "../federation.json", "identity.key", "key-share.txt",
                    "policy.json", "data", "127.0.0.1:" + (basePort + i), witnessPolicy == null ? null
                    : mdir.toAbsolutePath().relativize(witnessPolicy.toAbsolutePath()).toString(), Timing.defaults(), false,
                    https ? new MemberTls("tls-cert.pem", "tls-key.pem", "../ca.pem", List.of(), "https") : MemberTls.NONE));
        }
        byte[] session = new byte[32];
        random.nextBytes(session);
        Map<String, String> genesis = demo ? DemoSettings.genesis() : Map.of();
        FederationConfig config;
        try {
            config = new FederationConfig(name, threshold, infos, Bytes.wrap(session).toBase64(),
                    new FederationConfig.LogInfo(logUrl == null ? scheme() + "://127.0.0.1:" + basePort : logUrl, logKeyText), genesis);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ConfigFiles.write(dir.resolve("federation.json"), config);
        out.println("federation " + name + ": " + threshold + " of " + members + " members, configuration in " + dir);
        for (FederationConfig.MemberInfo m : infos) {
            out.println("  " + m.name() + "  " + m.url() + "  " + dir.resolve(m.name().substring(0, m.name().indexOf('.'))).resolve("member.json"));
        }
        if (https) {
            out.println("HTTPS: put the CA certificate in " + dir.resolve("ca.pem") + " and each member's certificate and key in"
                    + " its folder as tls-cert.pem and tls-key.pem (PEM; the key PKCS#8)");
        }
        out.println("next: 'virex federation dkg --config <member.json>' on every member at the same time");
        return 0;
    }

    private String scheme() {
        return https ? "https" : "http";
    }
}

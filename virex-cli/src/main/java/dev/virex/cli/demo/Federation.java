package dev.virex.cli.demo;

import dev.virex.cli.KeyFiles;
import dev.virex.cli.federation.DemoSettings;
import dev.virex.core.Bytes;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.federation.MemberLauncher;
import dev.virex.federation.api.AdminClient;
import dev.virex.federation.config.ConfigException;
import dev.virex.federation.config.ConfigFiles;
import dev.virex.federation.config.FederationConfig;
import dev.virex.federation.config.MemberConfig;
import dev.virex.federation.config.Timing;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's federation: N members, M of them to decide, configured as
 * {@code virex federation init --demo} configures one (the same policy and genesis settings, plus
 * the scenario's operator cap), keyed by a DKG over HTTP ({@link Dkg}) and run with
 * {@link MemberLauncher}, the launch API of {@code virex federation serve}.
 */
final class Federation implements AutoCloseable {
    static final String NAME = "fed.demo.example";
    /** Nodes one operator may run; the scenario's Sybil burst comes from an operator at this cap. */
    static final int OPERATOR_CAP = 3;

    /** One member: name, URL, configuration file, identity key. */
    record Member(String name, URI url, Path config, SignerKey identity) {}

    private final Path dir;
    private final FederationConfig config;
    private final List<Member> members;
    private final List<MemberLauncher.Running> running = new ArrayList<>();
    private VerifierKey group;

    private Federation(Path dir, FederationConfig config, List<Member> members) {
        this.dir = dir;
        this.config = config;
        this.members = List.copyOf(members);
    }

    /** Writes federation.json and every member's directory under {@code dir}; the members' policies name {@code witnessPolicy}. */
    static Federation configure(Path dir, int n, int m, URI logUrl, VerifierKey logKey, String software, Path witnessPolicy, Ports ports,
                                SecureRandom random) throws IOException {
        Files.createDirectories(dir);
        List<Member> members = new ArrayList<>();
        List<FederationConfig.MemberInfo> infos = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String name = "member-" + i + "." + NAME;
            Path mdir = dir.resolve("member-" + i);
            Files.createDirectories(mdir);
            SignerKey id = SignerKey.generate(name, random);
            KeyFiles.writeNew(mdir.resolve("identity.key"), id);
            int port = ports.free();
            URI url = URI.create("http://127.0.0.1:" + port);
            infos.add(new FederationConfig.MemberInfo(name, url.toString(), id.verifierKey().encode()));
            ConfigFiles.write(mdir.resolve("policy.json"), DemoSettings.policy());
            ConfigFiles.write(mdir.resolve("member.json"), new MemberConfig(name, "../federation.json", "identity.key", "key-share.txt",
                    "policy.json", "data", "127.0.0.1:" + port, mdir.relativize(witnessPolicy).toString(), Timing.defaults(), false));
            members.add(new Member(name, url, mdir.resolve("member.json"), id));
        }
        byte[] session = new byte[32];
        random.nextBytes(session);
        Map<String, String> genesis = new TreeMap<>(DemoSettings.genesis());
        genesis.put("operator.max-nodes", Integer.toString(OPERATOR_CAP));
        genesis.put("software.approved", software);
        FederationConfig config = new FederationConfig(NAME, m, infos, Bytes.wrap(session).toBase64(),
                new FederationConfig.LogInfo(logUrl.toString(), logKey.encode()), genesis);
        ConfigFiles.write(dir.resolve("federation.json"), config);
        return new Federation(dir, config, members);
    }

    /** Runs the DKG over HTTP among all members; returns the group key. */
    VerifierKey keygen(Duration timeout) throws IOException, InterruptedException {
        group = new Dkg(config, members).run(timeout);
        return group;
    }

    /** Starts every member with its configuration files. */
    void start() {
        for (Member m : members) {
            try {
                running.add(MemberLauncher.start(MemberConfig.load(m.config()), Clock.systemUTC(), new SecureRandom()));
            } catch (ConfigException e) {
                throw new DemoFailure("member " + m.name() + " did not start: " + e.getMessage(), e);
            }
        }
    }

    List<Member> members() {
        return members;
    }

    int threshold() {
        return config.threshold();
    }

    VerifierKey group() {
        return group;
    }

    Path dir() {
        return dir;
    }

    /** The admin API of member {@code i} (0-based), as its operator uses it: envelopes signed with its identity key. */
    AdminClient admin(int i) {
        Member m = members.get(i);
        return new AdminClient(m.url(), m.identity(), Clock.systemUTC(), Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        running.clear();
    }
}

package dev.virex.cli.demo;

import dev.virex.core.note.VerifierKey;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.KeyShareFiles;
import dev.virex.federation.config.FederationConfig;
import dev.virex.federation.config.Roster;
import dev.virex.federation.dkg.DkgFailure;
import dev.virex.federation.dkg.DkgNode;
import dev.virex.http.HttpService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The distributed key generation as {@code virex federation dkg} runs it, once per member and all
 * at once: each member serves its signed round notes on its own listen address and fetches the
 * others' over HTTP ({@link DkgNode}); no member ever holds the group secret. Writes each
 * member's key share (mode 0600) and group.txt next to its configuration.
 */
final class Dkg {
    private final FederationConfig config;
    private final List<Federation.Member> members;

    Dkg(FederationConfig config, List<Federation.Member> members) {
        this.config = config;
        this.members = members;
    }

    VerifierKey run(Duration timeout) throws IOException, InterruptedException {
        Roster roster = new Roster(config);
        List<HttpService> services = new ArrayList<>();
        List<Future<KeyShare>> shares = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Federation.Member m : members) {
                DkgNode node = new DkgNode(roster, m.identity(), new SecureRandom(), Duration.ofMillis(100));
                URI u = m.url();
                services.add(HttpService.start(new HttpService.Options("dkg " + m.name(), u.getHost(), u.getPort(), 1 << 16, false),
                        node::routes));
                shares.add(pool.submit(() -> {
                    KeyShare share = node.run(timeout, line -> { });
                    node.linger(Duration.ofSeconds(10));
                    return share;
                }));
            }
            VerifierKey group = null;
            for (int i = 0; i < members.size(); i++) {
                KeyShare share = shares.get(i).get();
                write(members.get(i), share);
                DemoFailure.check(group == null || group.equals(share.group().vkey()),
                        members.get(i).name() + " finished the DKG with another group key than the others");
                group = share.group().vkey();
            }
            return group;
        } catch (FrostException e) {
            throw new DemoFailure("cannot start the DKG: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new DemoFailure(c instanceof DkgFailure ? c.getMessage() : "DKG failed: " + c, c);
        } finally {
            services.forEach(HttpService::close);
        }
    }

    private static void write(Federation.Member m, KeyShare share) throws IOException {
        KeyShareFiles.write(m.config().resolveSibling("key-share.txt"), share);
        Files.write(m.config().resolveSibling("group.txt"), share.group().encode());
    }
}

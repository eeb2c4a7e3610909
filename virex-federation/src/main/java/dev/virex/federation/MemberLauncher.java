package dev.virex.federation;

import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignerKey;
import dev.virex.core.policy.PolicyFormatException;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.crypto.frost.FrostException;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.KeyShareFiles;
import dev.virex.federation.config.ConfigException;
import dev.virex.federation.config.ConfigFiles;
import dev.virex.federation.config.FederationConfig;
import dev.virex.federation.config.MemberConfig;
import dev.virex.federation.config.ReviewPolicy;
import dev.virex.federation.config.Roster;
import dev.virex.federation.ledger.LogView;
import dev.virex.federation.review.Prober;
import dev.virex.federation.store.SqliteMemberStore;
import dev.virex.federation.wire.Peers;
import dev.virex.http.HttpService;
import dev.virex.log.http.HttpLogClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Starts a member from its configuration files ({@code virex federation serve}): identity key, key
 * share, federation configuration, policy, optional witness policy, database, log client, HTTP
 * server, background ticks.
 */
public final class MemberLauncher {
    /** A running member and its server. */
    public record Running(Member member, MemberServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            member.close();
        }
    }

    private MemberLauncher() {}

    /** Reads a private key file in the signed-note format. */
    public static SignerKey readKey(Path file) throws ConfigException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.length() > 4096) {
                throw new ConfigException(file + " is not a key file (too large)");
            }
            return SignerKey.parse(text);
        } catch (IOException e) {
            throw new ConfigException("cannot read key " + file + ": " + e.getMessage(), e);
        } catch (NoteException e) {
            throw new ConfigException(file + " is not a private key file: " + e.getMessage(), e);
        }
    }

    public static Running start(MemberConfig.Loaded loaded, Clock clock, SecureRandom random) throws ConfigException {
        MemberConfig c = loaded.config();
        FederationConfig fed = ConfigFiles.read(loaded.federation(), FederationConfig.class);
        ReviewPolicy policy = ConfigFiles.read(loaded.policy(), ReviewPolicy.class);
        Roster roster = new Roster(fed);
        if (!roster.has(c.name())) {
            throw new ConfigException(c.name() + " is not a member of federation " + fed.name() + " (" + loaded.federation() + ")");
        }
        SignerKey identity = readKey(loaded.identityKey());
        if (!identity.verifierKey().equals(roster.identity(c.name()).orElseThrow())) {
            throw new ConfigException(loaded.identityKey() + " is not the identity key the federation configuration lists for " + c.name());
        }
        KeyShare share;
        try {
            share = KeyShareFiles.read(loaded.keyShare());
        } catch (IOException | FrostException e) {
            throw new ConfigException("key share " + loaded.keyShare() + ": " + e.getMessage() + " (run 'virex federation dkg' first)", e);
        }
        if (!share.group().vkey().name().equals(fed.name()) || !share.member().name().equals(c.name())) {
            throw new ConfigException(loaded.keyShare() + " is the share of " + share.member().name() + " in " + share.group().vkey().name());
        }
        Optional<TlogPolicy> witnesses = Optional.empty();
        if (loaded.witnessPolicy().isPresent()) {
            try {
                witnesses = Optional.of(TlogPolicy.parse(Files.readAllBytes(loaded.witnessPolicy().get())));
            } catch (IOException | PolicyFormatException e) {
                throw new ConfigException("witness policy " + loaded.witnessPolicy().get() + ": " + e.getMessage(), e);
            }
        }
        HttpClient http = httpClient(loaded);
        HttpLogClient logClient = new HttpLogClient(URI.create(fed.log().url()), http, Duration.ofSeconds(30));
        LogView view = new LogView(logClient, fed.log().key(), share.group().vkey(), witnesses);
        Peers peers = new Peers(roster, c.name(), identity.noteSigner(), clock, http, c.timing().rpcTimeout());
        MemberContext ctx = new MemberContext(c.name(), roster, policy, c.timing(), identity, share, clock, random,
                SqliteMemberStore.open(loaded.data().resolve("member.db")), view, peers);
        HostAndPort hp = HostAndPort.parse(c.listen());
        MemberServer server;
        try {
            server = MemberServer.start(loaded.tls().serve(
                    new HttpService.Options("member " + c.name(), hp.host(), hp.port(), 1 << 20, c.allowPlainHttp())));
        } catch (RuntimeException e) {
            ctx.store().close();
            throw new ConfigException(e.getMessage(), e);
        }
        Member member = new Member(ctx, new Prober(c.name(), http, c.tls().nodeControl(), clock, random));
        server.attach(member);
        member.start();
        return new Running(member, server);
    }

    /**
     * The one HTTP client of a member (calls to the other members, the log and the nodes), verifying
     * HTTPS servers with the trust anchors and pins of member.json's {@code tls}.
     */
    public static HttpClient httpClient(MemberConfig.Loaded loaded) throws ConfigException {
        try {
            return loaded.tls().newClient();
        } catch (IOException e) {
            throw new ConfigException("tls settings of " + loaded.config().name() + ": " + e.getMessage(), e);
        }
    }

    /** A listen address {@code HOST:PORT} ({@code [v6]:PORT}). */
    public record HostAndPort(String host, int port) {
        public static HostAndPort parse(String s) throws ConfigException {
            int colon = s.lastIndexOf(':');
            try {
                String host = s.substring(0, colon);
                host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
                int port = Integer.parseInt(s.substring(colon + 1));
                if (host.isEmpty() || port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new HostAndPort(host, port);
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                throw new ConfigException("listen must be HOST:PORT, e.g. 127.0.0.1:7101, not '" + s + "'");
            }
        }
    }
}

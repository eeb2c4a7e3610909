package dev.virex.cli.federation;

import dev.virex.cli.UserError;
import dev.virex.core.note.SignerKey;
import dev.virex.federation.MemberLauncher;
import dev.virex.federation.api.AdminClient;
import dev.virex.federation.api.FederationException;
import dev.virex.federation.config.ConfigException;
import dev.virex.federation.config.ConfigFiles;
import dev.virex.federation.config.FederationConfig;
import dev.virex.federation.config.MemberConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A member's configuration as the commands use it, with one-line errors. */
record MemberFiles(MemberConfig.Loaded loaded, FederationConfig federation) {
    static MemberFiles load(Path config) {
        try {
            MemberConfig.Loaded l = MemberConfig.load(config);
            return new MemberFiles(l, ConfigFiles.read(l.federation(), FederationConfig.class));
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    String name() {
        return loaded.config().name();
    }

    SignerKey identity() {
        try {
            return MemberLauncher.readKey(loaded.identityKey());
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    URI url() {
        return URI.create(federation.member(name()).url());
    }

    AdminClient admin() {
        return new AdminClient(url(), identity(), Clock.systemUTC(), Duration.ofSeconds(30), http());
    }

    /** The member's HTTP client, verifying HTTPS servers with member.json's TLS trust. */
    java.net.http.HttpClient http() {
        try {
            return MemberLauncher.httpClient(loaded);
        } catch (ConfigException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** A failure of a call to the member as a one-line error. */
    static UserError error(FederationException e, URI where) {
        return new UserError(e.status() == 0 ? e.getMessage() + " (is 'virex federation serve' running?)"
                : where + " refused (" + e.status() + "): " + e.getMessage(), e);
    }
}

package dev.virex.cli.log;

import dev.virex.cli.ClientTlsOptions;
import dev.virex.cli.Inputs;
import dev.virex.cli.UserError;
import dev.virex.core.checkpoint.SignedCheckpoint;
import dev.virex.core.note.NoteVerifier;
import dev.virex.core.tlog.TreeAudit;
import dev.virex.log.LogException;
import dev.virex.log.client.LogCheck;
import dev.virex.log.client.LogVerificationException;
import dev.virex.log.client.SplitViewException;
import dev.virex.log.http.HttpLogClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Verify any C2SP tlog-tiles log: the checkpoint signature, every hash tile against the signed",
            "root, every entry bundle against the leaves, and (with --since) that the log still contains",
            "the tree of an earlier checkpoint. Exits 1 on any failure; a split view is named as such."
        })
public final class LogCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The log's URL prefix (where /checkpoint and /tile/ are).")
    String url;

    @Option(names = "--vkey", required = true, paramLabel = "VKEY", description = "The log's Ed25519 verifier key.")
    String vkey;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "Expected checkpoint origin (default: the key's name).")
    String origin;

    @Option(names = "--since", paramLabel = "CHECKPOINT_FILE", description = "An earlier checkpoint of the log that must still hold.")
    Path since;

    @Option(names = "--save", paramLabel = "FILE", description = "Write the verified checkpoint here (for a later --since).")
    Path save;

    @picocli.CommandLine.Mixin
    ClientTlsOptions tls = new ClientTlsOptions();

    @Override
    public Integer call() {
        NoteVerifier key = VerifierKeys.ed25519("--vkey", vkey);
        String o = origin != null ? origin : key.name();
        Optional<byte[]> earlier = Optional.ofNullable(since).map(p -> Inputs.readFile(p, SignedCheckpoint.MAX_BYTES, "checkpoint file"));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HttpLogClient log = new HttpLogClient(uri(url), tls.client(), java.time.Duration.ofSeconds(30));
        LogCheck.Result r;
        try {
            r = LogCheck.run(log, o, key, earlier, new Progress(err));
        } catch (SplitViewException e) {
            throw new UserError("SPLIT VIEW: the log signed two inconsistent trees: " + e.getMessage().replaceFirst("^split view: ", ""));
        } catch (LogVerificationException e) {
            throw new UserError("verification failed: " + e.getMessage());
        } catch (LogException | IOException e) {
            throw new UserError("cannot read the log at " + log.prefix() + ": " + e.getMessage());
        }
        var cp = r.checkpoint().checkpoint();
        out.printf(Locale.ROOT, "checkpoint: origin %s, tree size %d, root %s, signed by %s%n", cp.origin(), cp.size(),
                cp.rootHash().toBase64(), key.name());
        out.printf(Locale.ROOT, "verified %d entries in %d entry bundles and %d hash tiles against the signed root%n",
                r.report().entries(), r.report().bundles(), r.report().hashTiles());
        r.since().ifPresent(s -> out.printf(Locale.ROOT, "consistent with the earlier checkpoint of tree size %d%n",
                s.checkpoint().size()));
        if (save != null) {
            try {
                Files.write(save, r.checkpoint().raw().toArray());
            } catch (IOException e) {
                throw new UserError("cannot write " + save + ": " + e.getMessage());
            }
            out.println("saved the checkpoint to " + save);
        }
        out.flush();
        return 0;
    }

    private static URI uri(String s) {
        try {
            URI u = new URI(s);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw new UserError("invalid --url '" + s + "': expected an http:// or https:// URL");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new UserError("invalid --url '" + s + "': " + e.getMessage());
        }
    }

    /** Progress on stderr, about every 5% of the log. */
    private static final class Progress implements TreeAudit.Progress {
        private final PrintWriter err;
        private long next;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void verified(long entries, long total) {
            if (entries >= next || entries == total) {
                err.printf(Locale.ROOT, "virex: verified %,d of %,d entries%n", entries, total);
                err.flush();
                next = entries + Math.max(256, total / 20);
            }
        }
    }
}

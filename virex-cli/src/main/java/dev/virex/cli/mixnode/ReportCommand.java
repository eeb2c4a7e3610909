package dev.virex.cli.mixnode;

import dev.virex.cli.ClientTlsOptions;
import dev.virex.cli.NetArgs;
import dev.virex.cli.UserError;
import dev.virex.client.HttpMixnodeApi;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.pow.EnforcementReport;
import dev.virex.core.pow.ParamsTimeline;
import dev.virex.core.pow.ReportFormatException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Fetch a mixnode's signed enforcement report, verify it with its vkey, print it.",
            "With --params, also check it against the parameters in force (as an auditor does)."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The mixnode's HTTP address, e.g. http://127.0.0.1:7401.")
    URI url;

    @Option(names = "--vkey", required = true, paramLabel = "VKEY", description = "The mixnode's verifier key.")
    String vkey;

    @Option(names = "--interval", paramLabel = "N", description = "Interval number (default: the latest).", defaultValue = "-1")
    long interval;

    @Option(names = "--params", paramLabel = "FILE", description = "Parameters file to check the report against.")
    Path params;

    @picocli.CommandLine.Mixin
    ClientTlsOptions tls = new ClientTlsOptions();

    @Override
    public Integer call() {
        VerifierKey key;
        try {
            key = VerifierKey.parse(vkey.strip());
        } catch (NoteException e) {
            throw new UserError("invalid --vkey: " + e.getMessage());
        }
        byte[] note;
        try {
            note = new HttpMixnodeApi(url, tls.client()).report(interval);
        } catch (IOException e) {
            throw new UserError("cannot fetch the report from " + url + ": " + NetArgs.why(e), e);
        }
        EnforcementReport r;
        try {
            r = EnforcementReport.open(note, key);
        } catch (NoteException | ReportFormatException e) {
            throw new UserError("report rejected: " + e.getMessage());
        }
        spec.commandLine().getOut().print(r.encode());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("virex: report " + r.interval() + " verified with " + key.name());
        if (params != null) {
            ParamsTimeline t = ServeCommand.readParams(params);
            List<String> problems = r.problemsAgainst(t.at(r.end().minusNanos(1)).params());
            if (!problems.isEmpty()) {
                throw new UserError("report disagrees with the parameters: " + String.join("; ", problems));
            }
            spec.commandLine().getErr().println("virex: report agrees with the parameters in force");
        }
        return 0;
    }
}

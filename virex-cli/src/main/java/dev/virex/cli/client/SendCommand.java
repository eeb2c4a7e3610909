package dev.virex.cli.client;

import dev.virex.cli.Inputs;
import dev.virex.cli.NetArgs;
import dev.virex.cli.UserError;
import dev.virex.client.MixnodeClient;
import dev.virex.core.Bytes;
import dev.virex.core.ingress.MessagePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send one message to a mixnode: seal it, solve the PoW at the suggested effort",
            "(with a progress bar), submit it, and obey any backoff the mixnode asks for."})
final class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions options = new ClientOptions();

    @Option(names = "--file", paramLabel = "FILE", description = "Read the message from a file ('-' for stdin).")
    Path file;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Parameters(paramLabel = "MESSAGE", arity = "0..1", description = "The message text (or use --file).")
    String message;

    @Override
    public Integer call() throws InterruptedException {
        if ((message == null) == (file == null)) {
            throw new UserError("give either a MESSAGE or --file");
        }
        byte[] body = file != null ? Inputs.readFile(file, MessagePayload.MAX_BODY, "message")
                : message.getBytes(StandardCharsets.UTF_8);
        if (body.length > MessagePayload.MAX_BODY) {
            throw new UserError("message longer than " + MessagePayload.MAX_BODY + " bytes");
        }
        ProgressDisplay display = new ProgressDisplay(spec.commandLine().getErr(), quiet);
        try (ClientOptions.Session s = options.open(display)) {
            MixnodeClient.Result r = s.client().send(MessagePayload.real(Bytes.wrap(body)));
            display.endLine();
            if (!r.accepted()) {
                throw new UserError("not accepted after " + r.attempts() + " attempts (last: "
                        + r.lastReason().map(x -> x.label()).orElse("?") + ")");
            }
            spec.commandLine().getOut().println("accepted by " + s.info().mixnode() + " at effort " + r.effort() + " after "
                    + r.attempts() + (r.attempts() == 1 ? " attempt" : " attempts")
                    + (r.waited().isZero() ? "" : ", " + NetArgs.human(r.waited()) + " of backoff"));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException e) {
            display.endLine();
            throw new UserError("send failed: " + NetArgs.why(e), e);
        }
    }
}

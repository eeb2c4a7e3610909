package dev.virex.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code virex} command. Exit codes: 0 success, 1 failure, 2 usage error.
 * Errors are one line on stderr; {@code --verbose} adds the stack trace.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new VirexCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new Errors.ExecutionHandler());
        cl.setParameterExceptionHandler(new Errors.UsageHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }
}

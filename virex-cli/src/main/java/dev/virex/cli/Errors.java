package dev.virex.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The one mapping from failures to what the user sees and to exit codes. */
final class Errors {
    private static volatile boolean verbose;

    private Errors() {}

    static void setVerbose(boolean v) {
        verbose = v;
    }

    static boolean verbose() {
        return verbose;
    }

    /** Failures while running a command: one line, exit 1; the stack trace only with --verbose. */
    static final class ExecutionHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            if (ex instanceof CommandLine.ParameterException pe) {
                return new UsageHandler().handleParseException(pe, new String[0]);
            }
            PrintWriter err = cl.getErr();
            if (ex instanceof UserError u) {
                err.println("virex: " + u.getMessage());
            } else {
                err.println("virex: unexpected error: " + describe(ex)
                        + (verbose ? "" : " (run again with --verbose for details)"));
            }
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ex instanceof UserError u ? u.exitCode() : 1;
        }
    }

    /** Bad command lines: one line naming the problem and where help is, exit 2. */
    static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            String where = cl.getCommandSpec().qualifiedName();
            String message = ex.getMessage();
            // An unknown option explains a failure better than the required options it displaced.
            if (!(ex instanceof CommandLine.UnmatchedArgumentException) && cl.getParseResult() != null
                    && !cl.getParseResult().unmatched().isEmpty()) {
                message = "unknown argument '" + cl.getParseResult().unmatched().get(0) + "'";
            }
            err.println("virex: " + message + " (see '" + where + " --help')");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
    }

    static String describe(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg.lines().findFirst().orElse(""));
    }
}

package dev.virex.cli.frost;

import dev.virex.crypto.frost.GroupKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code virex frost group FILE}: check a group description and print what it says. */
@Command(name = "group", mixinStandardHelpOptions = true,
        description = "Check a FROST group description (virex-frost-group/v1) and print its group vkey, threshold, "
                + "group ID and members. Signatures by the group verify as signed notes under the vkey.")
final class FrostGroupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--vkey", description = "Print only the group vkey.")
    boolean vkeyOnly;

    @Parameters(paramLabel = "GROUP_FILE", description = "Group description file; '-' reads stdin.")
    Path file;

    @Override
    public Integer call() {
        GroupKey g = GroupFiles.read(file);
        PrintWriter out = spec.commandLine().getOut();
        out.println(g.vkey().encode());
        if (!vkeyOnly) {
            out.println("threshold " + g.threshold() + " of " + g.members().size());
            out.println("group-id " + g.id().toBase64());
            for (GroupKey.Member m : g.members()) {
                out.println("member " + m.id() + " " + m.name());
            }
        }
        out.flush();
        return 0;
    }
}

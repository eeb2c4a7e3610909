package dev.virex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.note.Note;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path dir;


    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    static CliRun runWithStdin(String stdin, String... args) {
        return CliRun.withStdin(stdin, args);
    }

    @Test
    void helpAndVersionSucceed() {
        CliRun help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("keygen", "key", "note", "demo");
        CliRun version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("virex ");
    }

    @Test
    void everySubcommandHasHelp() {
        List<String[]> paths = new ArrayList<>();
        collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(5);
        for (String[] path : paths) {
            String[] args = java.util.Arrays.copyOf(path, path.length + 1);
            args[path.length] = "--help";
            CliRun r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage:");
        }
    }

    private static void collect(CommandLine cl, List<String> prefix, List<String[]> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> p = new ArrayList<>(prefix);
            p.add(e.getKey());
            out.add(p.toArray(String[]::new));
            collect(e.getValue(), p, out);
        }
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        CliRun r = run("keygen", "--name", "a", "--out", dir.resolve("x").toString(), "--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("virex: ").contains("--bogus").contains("virex keygen --help");
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("nonsense").code()).isEqualTo(2);
    }

    @Test
    void keygenWritesA0600KeyThatKeyShowOpens() throws Exception {
        Path key = dir.resolve("log.key");
        CliRun gen = run("keygen", "--name", "log.example", "--out", key.toString());
        assertThat(gen.code()).isZero();
        String vkey = gen.out().strip();
        assertThat(VerifierKey.parse(vkey).name()).isEqualTo("log.example");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).startsWith("PRIVATE+KEY+log.example+");

        CliRun show = run("key", "show", key.toString());
        assertThat(show.code()).isZero();
        assertThat(show.out().strip()).isEqualTo(vkey);

        String before = Files.readString(key);
        CliRun again = run("keygen", "--name", "other", "--out", key.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        assertThat(Files.readString(key)).isEqualTo(before);
    }

    @Test
    void keygenRefusesBadNamesAndMissingDirectories() {
        CliRun bad = run("keygen", "--name", "a b", "--out", dir.resolve("k").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("invalid --name");
        CliRun nodir = run("keygen", "--name", "a", "--out", dir.resolve("missing/k").toString());
        assertThat(nodir.code()).isEqualTo(1);
        assertThat(nodir.err()).contains("does not exist");
        assertThat(Files.exists(dir.resolve("k"))).isFalse();
    }

    @Test
    void keyShowExplainsBadFiles() throws Exception {
        CliRun missing = run("key", "show", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("does not exist");
        Path junk = Files.writeString(dir.resolve("junk"), "hello");
        CliRun notKey = run("key", "show", junk.toString());
        assertThat(notKey.code()).isEqualTo(1);
        assertThat(notKey.err()).contains("is not a private key file");
        assertThat(notKey.err().strip().lines()).hasSize(1);
    }

    @Test
    void noteSignThenVerify() throws Exception {
        Path key = dir.resolve("k");
        String vkey = run("keygen", "--name", "signer.example", "--out", key.toString()).out().strip();
        CliRun signed = runWithStdin("hello world", "note", "sign", "--key", key.toString());
        assertThat(signed.code()).isZero();
        assertThat(Note.open(signed.out().getBytes(StandardCharsets.UTF_8),
                Verifiers.of(VerifierKey.parse(vkey).noteVerifier())).text()).isEqualTo("hello world\n");

        Path note = Files.writeString(dir.resolve("note"), signed.out());
        CliRun ok = run("note", "verify", "--vkey", vkey, note.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).isEqualTo("hello world\n");

        String otherVkey = run("keygen", "--name", "signer.example", "--out", dir.resolve("k2").toString()).out().strip();
        CliRun bad = run("note", "verify", "--vkey", otherVkey, note.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("note rejected");
    }
}

package dev.virex.cli.witness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.cli.KeyFiles;
import dev.virex.cli.Main;
import dev.virex.cli.log.LogServeCommand;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.note.Note;
import dev.virex.core.note.SignatureType;
import dev.virex.core.note.SignerKey;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.policy.TlogPolicy;
import dev.virex.core.policy.WitnessedCheckpoint;
import dev.virex.log.http.HttpLogClient;
import dev.virex.testkit.TestKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WitnessCliTest {
    static final SignerKey FEDERATION = TestKeys.signer("federation.cli.test");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    Path key(String name) {
        Path k = dir.resolve(name + ".key");
        KeyFiles.writeNew(k, TestKeys.signer(name));
        return k;
    }

    @Test
    void keyShowCosignerPrintsTheType04Vkey() throws Exception {
        Path k = key("w1.cli.test");
        Run r = run("key", "show", "--cosigner", k.toString());
        assertThat(r.code()).as(r.err()).isZero();
        VerifierKey v = VerifierKey.parse(r.out().strip());
        assertThat(v.type()).isEqualTo(SignatureType.COSIGNATURE_V1);
        assertThat(v).isEqualTo(Cosignature.cosignerKey(TestKeys.signer("w1.cli.test").verifierKey()));
        assertThat(run("key", "show", k.toString()).out().strip()).isEqualTo(TestKeys.signer("w1.cli.test").verifierKey().encode());
    }

    @Test
    void aLogServedWithAWitnessPolicyPublishesCosignedCheckpoints() throws Exception {
        Path logKey = key("log.cli.test");
        Path witnessKey = key("w1.cli.test");
        String logVkey = KeyFiles.read(logKey).verifierKey().encode();
        WitnessServeCommand w = new WitnessServeCommand();
        new CommandLine(w).parseArgs("--data", dir.resolve("w").toString(), "--listen", "127.0.0.1:0", "--key", witnessKey.toString(),
                "--log-vkey", logVkey);
        try (WitnessServeCommand.Running witness = w.start()) {
            String cosigner = run("key", "show", "--cosigner", witnessKey.toString()).out().strip();
            String policyText = "log " + logVkey + "\nwitness w1 " + cosigner + " " + witness.server().baseUri() + "/\nquorum w1\n";
            Path policy = dir.resolve("policy");
            Files.writeString(policy, policyText);
            LogServeCommand l = new LogServeCommand();
            new CommandLine(l).parseArgs("--data", dir.resolve("log").toString(), "--listen", "127.0.0.1:0", "--key", logKey.toString(),
                    "--federation-vkey", FEDERATION.verifierKey().encode(), "--witness-policy", policy.toString());
            try (LogServeCommand.Running log = l.start()) {
                HttpLogClient client = new HttpLogClient(log.server().baseUri());
                var r = client.add(Bytes.wrap(Note.sign("a decision\n", FEDERATION.noteSigner()).encode()));
                assertThat(r.receipt()).isPresent();
                WitnessedCheckpoint cp = WitnessedCheckpoint.open(client.checkpoint().toArray(), TlogPolicy.parse(policyText));
                assertThat(cp.quorumMet()).isTrue();
                assertThat(cp.checkpoint().checkpoint().size()).isEqualTo(1);
            }
        }
    }

    @Test
    void usageAndInputErrorsAreOneLine() {
        assertThat(run("witness", "serve", "--help").code()).isZero();
        Run missing = run("witness", "serve", "--data", dir.toString());
        assertThat(missing.code()).isEqualTo(2);
        Path k = key("w2.cli.test");
        Run bad = run("witness", "serve", "--data", dir.resolve("d").toString(), "--listen", "127.0.0.1:0", "--key", k.toString(),
                "--log-vkey", "not-a-key");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith("virex: invalid --log-vkey").hasLineCount(1);
        Run cosignerKey = run("witness", "serve", "--data", dir.resolve("d").toString(), "--listen", "127.0.0.1:0", "--key", k.toString(),
                "--log-vkey", Cosignature.cosignerKey(TestKeys.signer("x").verifierKey()).encode());
        assertThat(cosignerKey.code()).isEqualTo(1);
        Path policy = dir.resolve("bad.policy");
        Run badPolicy = run("log", "serve", "--data", dir.resolve("l").toString(), "--listen", "127.0.0.1:0", "--key", k.toString(),
                "--federation-vkey", FEDERATION.verifierKey().encode(), "--witness-policy", policy.toString());
        assertThat(badPolicy.code()).isEqualTo(1);
        assertThat(badPolicy.err()).contains("does not exist");
    }
}

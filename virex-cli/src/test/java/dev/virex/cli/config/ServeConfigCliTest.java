package dev.virex.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.cli.CliRun;
import dev.virex.cli.KeyFiles;
import dev.virex.cli.log.LogServeCommand;
import dev.virex.cli.witness.WitnessServeCommand;
import dev.virex.core.Bytes;
import dev.virex.core.checkpoint.Cosignature;
import dev.virex.core.note.Note;
import dev.virex.core.note.SignerKey;
import dev.virex.http.ClientTls;
import dev.virex.http.HttpClients;
import dev.virex.log.http.HttpLogClient;
import dev.virex.testkit.TestCertificates;
import dev.virex.testkit.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --config} files for log, witness and mixnode serve, and HTTPS between them and their clients. */
class ServeConfigCliTest {
    static final SignerKey FEDERATION = TestKeys.signer("federation.config-cli.test");

    @TempDir
    static Path tlsDir;
    static TestCertificates ca;
    static TestCertificates.Leaf logTls;
    static TestCertificates.Leaf witnessTls;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCertificates.create(tlsDir);
        logTls = ca.leaf("log");
        witnessTls = ca.leaf("witness");
    }

    Path key(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        Path k = folder.resolve(name + ".key");
        KeyFiles.writeNew(k, TestKeys.signer(name));
        return k;
    }

    static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aLogAndItsWitnessFromConfigFilesTalkHttpsAndLogCheckVerifiesTheCertificate() throws Exception {
        Path w = dir.resolve("witness");
        key(w, "w1.config-cli.test");
        Path l = dir.resolve("log");
        key(l, "log.config-cli.test");
        String logVkey = TestKeys.signer("log.config-cli.test").verifierKey().encode();
        Path witnessConf = write(w.resolve("witness.conf"), "virex-witness-config/v1\n# relative paths: against this folder\n"
                + "key w1.config-cli.test.key\ndata data\nlisten 127.0.0.1:0\nlog-vkey " + logVkey + "\n"
                + "tls-cert " + witnessTls.certificate() + "\ntls-key " + witnessTls.key() + "\n");
        WitnessServeCommand wc = new WitnessServeCommand();
        new CommandLine(wc).parseArgs("--config", witnessConf.toString());
        try (WitnessServeCommand.Running witness = wc.start()) {
            assertThat(witness.server().baseUri().getScheme()).isEqualTo("https");
            assertThat(w.resolve("data/witness.db")).exists();
            String cosigner = Cosignature.cosignerKey(TestKeys.signer("w1.config-cli.test").verifierKey()).encode();
            write(l.resolve("witness.policy"), "log " + logVkey + "\nwitness w1 " + cosigner + " " + witness.server().baseUri() + "/\nquorum w1\n");
            Path logConf = write(l.resolve("log.conf"), "virex-log-config/v1\nkey log.config-cli.test.key\ndata data\nlisten 127.0.0.1:0\n"
                    + "federation-vkey " + FEDERATION.verifierKey().encode() + "\nwitness-policy witness.policy\n"
                    + "tls-cert " + logTls.certificate() + "\ntls-key " + logTls.key() + "\ntls-ca " + ca.caPem() + "\n"
                    + "tls-pin " + witnessTls.pin() + "\n");
            LogServeCommand lc = new LogServeCommand();
            new CommandLine(lc).parseArgs("--config", logConf.toString(), "--data", dir.resolve("elsewhere").toString());
            try (LogServeCommand.Running log = lc.start()) {
                assertThat(dir.resolve("elsewhere/checkpoint")).as("a flag wins over the file").exists();
                assertThat(l.resolve("data")).doesNotExist();
                String url = log.server().baseUri() + "/";
                assertThat(url).startsWith("https://127.0.0.1:");
                HttpLogClient client = new HttpLogClient(log.server().baseUri(),
                        HttpClients.newClient(new ClientTls(Optional.of(ca.caPem()), Set.of())), Duration.ofSeconds(30));
                assertThat(client.add(Bytes.wrap(Note.sign("a decision\n", FEDERATION.noteSigner()).encode())).receipt())
                        .as("cosigned by the witness over HTTPS").isPresent();

                CliRun ok = CliRun.of("log", "check", "--url", url, "--vkey", logVkey, "--tls-ca", ca.caPem().toString(),
                        "--tls-pin", logTls.pin());
                assertThat(ok.code()).as(ok.err()).isZero();
                assertThat(ok.out()).contains("tree size 1");
                CliRun untrusted = CliRun.of("log", "check", "--url", url, "--vkey", logVkey);
                assertThat(untrusted.code()).isEqualTo(1);
                assertThat(untrusted.err()).startsWith("virex: cannot read the log at " + url).hasLineCount(1);
                CliRun wrongPin = CliRun.of("log", "check", "--url", url, "--vkey", logVkey, "--tls-ca", ca.caPem().toString(),
                        "--tls-pin", witnessTls.pin());
                assertThat(wrongPin.code()).isEqualTo(1);
                CliRun badPin = CliRun.of("log", "check", "--url", url, "--vkey", logVkey, "--tls-pin", "abc");
                assertThat(badPin.err()).startsWith("virex: invalid --tls-pin: a key pin is").hasLineCount(1);
            }
        }
    }

    @Test
    void aMixnodeFromAConfigFileServesHttps() throws Exception {
        Path m = dir.resolve("mix");
        key(m, "mix-1.config-cli.test");
        Path conf = write(m.resolve("mixnode.conf"), "virex-mixnode-config/v1\nkey mix-1.config-cli.test.key\nlisten 127.0.0.1:0\n"
                + "http 127.0.0.1:0\nepoch 5m\nworkers 1\ntls-cert " + logTls.certificate() + "\ntls-key " + logTls.key() + "\n");
        CliRun r = CliRun.of("mixnode", "serve", "--config", conf.toString(), "--for", "100ms");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("http https://127\\.0\\.0\\.1:[0-9]+");
    }

    @Test
    void badConfigurationsAreOneLineNamingFileAndLine() throws Exception {
        Path conf = write(dir.resolve("m.conf"), "virex-mixnode-config/v1\nkey k.key\nepoch 5x\n");
        CliRun badValue = CliRun.of("mixnode", "serve", "--config", conf.toString());
        assertThat(badValue.code()).isEqualTo(1);
        assertThat(badValue.err()).startsWith("virex: " + conf + ": line 3: Invalid value for option '--epoch'").hasLineCount(1);

        write(conf, "virex-mixnode-config/v1\nkey k.key\ncolour blue\n");
        assertThat(CliRun.of("mixnode", "serve", "--config", conf.toString()).err())
                .isEqualTo("virex: " + conf + ": line 3: unknown key 'colour'\n");
        write(conf, "virex-log-config/v1\n");
        assertThat(CliRun.of("mixnode", "serve", "--config", conf.toString()).err())
                .isEqualTo("virex: " + conf + ": line 1: the first line must be virex-mixnode-config/v1\n");
        write(conf, "virex-mixnode-config/v1\nconfig other.conf\n");
        assertThat(CliRun.of("mixnode", "serve", "--config", conf.toString()).err()).contains("line 2: unknown key 'config'");

        Path w = write(dir.resolve("w.conf"), "virex-witness-config/v1\ndata d\nlisten 127.0.0.1:0\nkey k.key\n");
        CliRun missing = CliRun.of("witness", "serve", "--config", w.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("virex: missing --log-vkey (or 'log-vkey' in the --config file)\n");
        CliRun absent = CliRun.of("log", "serve", "--config", dir.resolve("none.conf").toString());
        assertThat(absent.err()).isEqualTo("virex: log configuration " + dir.resolve("none.conf") + " does not exist\n");
        Path l = write(dir.resolve("l.conf"), "virex-log-config/v1\nallow-plain-http perhaps\n");
        assertThat(CliRun.of("log", "serve", "--config", l.toString()).err()).contains("line 2: allow-plain-http takes yes or no");
    }

    @Test
    void everyServePathRefusesPlainHttpOffLoopback() throws Exception {
        Path k = key(dir, "plain.config-cli.test");
        String vkey = TestKeys.signer("plain.config-cli.test").verifierKey().encode();
        CliRun log = CliRun.of("log", "serve", "--data", dir.resolve("l").toString(), "--listen", "0.0.0.0:0", "--key", k.toString(),
                "--federation-vkey", vkey);
        CliRun witness = CliRun.of("witness", "serve", "--data", dir.resolve("w").toString(), "--listen", "0.0.0.0:0", "--key",
                k.toString(), "--log-vkey", vkey);
        CliRun mixnode = CliRun.of("mixnode", "serve", "--key", k.toString(), "--listen", "127.0.0.1:0", "--http", "0.0.0.0:0");
        Path auditorConf = write(dir.resolve("a/auditor.conf"), "log https://127.0.0.1:1/ " + vkey + "\nfederation " + vkey
                + "\nnotice-key ../" + dir.relativize(k) + "\ndata data\nlisten 0.0.0.0:0\n");
        CliRun auditor = CliRun.of("auditor", "serve", "--config", auditorConf.toString());
        for (CliRun r : new CliRun[] {log, witness, mixnode, auditor}) {
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("refusing plain HTTP on non-loopback address 0.0.0.0").hasLineCount(1);
        }
    }

    @Test
    void theSchemaIsTheFlags() {
        var log = ConfigFlags.schema(new CommandLine(new LogServeCommand()).getCommandSpec());
        assertThat(log).isEqualTo(ServeConfigFuzzTest.LOG);
        var mix = ConfigFlags.schema(new CommandLine(new dev.virex.cli.mixnode.ServeCommand()).getCommandSpec());
        assertThat(mix).containsKeys("key", "listen", "http", "params", "epoch", "tls-cert", "allow-plain-http")
                .doesNotContainKeys("config", "for", "help", "version", "verbose");
    }
}

package dev.virex.cli.frost;

import dev.virex.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.cli.Main;
import dev.virex.core.note.Note;
import dev.virex.core.note.SignerKey;
import dev.virex.crypto.dkg.DkgConfig;
import dev.virex.crypto.dkg.LocalDkg;
import dev.virex.crypto.frost.Coordinator;
import dev.virex.crypto.frost.GroupKey;
import dev.virex.crypto.frost.InMemoryNonceStore;
import dev.virex.crypto.frost.KeyShare;
import dev.virex.crypto.frost.SessionId;
import dev.virex.crypto.frost.SigningAttempt;
import dev.virex.crypto.frost.SigningPackage;
import dev.virex.crypto.frost.ThresholdSigner;
import dev.virex.testkit.DeterministicRandom;
import dev.virex.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrostCliTest {

    static final String TEXT = "cli.example/federation\njoin approved node-3\n";
    static GroupKey group;
    static SigningAttempt.Signed signed;

    @TempDir
    static Path dir;
    static Path groupFile;
    static Path message;
    static Path attestation;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void signWithADkgGroup() throws Exception {
        List<SignerKey> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(TestKeys.signer("cli-member" + i + ".example"));
        }
        DkgConfig config = new DkgConfig("cli.example/federation", 2, SessionId.random(new DeterministicRandom("cli")),
                ids.stream().map(SignerKey::verifierKey).toList());
        List<KeyShare> shares = LocalDkg.run(config, ids.stream().map(SignerKey::noteSigner).toList(), new DeterministicRandom("cli-dkg"));
        group = shares.get(0).group();
        byte[] msg = TEXT.getBytes(StandardCharsets.UTF_8);
        Coordinator c = new Coordinator(group, msg, List.of(ids.get(0).name(), ids.get(2).name()), new DeterministicRandom("cli-c"));
        SigningAttempt a = c.attempt();
        List<ThresholdSigner> signers = List.of(
                new ThresholdSigner(shares.get(0), new InMemoryNonceStore(), new DeterministicRandom("s1")),
                new ThresholdSigner(shares.get(2), new InMemoryNonceStore(), new DeterministicRandom("s3")));
        for (ThresholdSigner s : signers) {
            a.addCommitment(s.commit(a.session()));
        }
        SigningPackage pkg = a.signingPackage();
        for (ThresholdSigner s : signers) {
            a.addShare(s.sign(pkg));
        }
        signed = a.finish();
        groupFile = Files.write(dir.resolve("group.txt"), group.encode());
        message = Files.write(dir.resolve("message.txt"), msg);
        attestation = Files.write(dir.resolve("attestation.txt"), signed.attestation().encode());
    }

    @Test
    void groupPrintsTheVkeyAndMembers() {
        CliRun r = run("frost", "group", groupFile.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(group.vkey().encode() + "\nthreshold 2 of 3\ngroup-id ")
                .contains("member 2 cli-member2.example\n");
        assertThat(run("frost", "group", "--vkey", groupFile.toString()).out()).isEqualTo(group.vkey().encode() + "\n");
    }

    @Test
    void verifiesASignatureUnderTheGroupOrItsVkey() throws Exception {
        String sig = signed.signature().encode().toBase64();
        CliRun byGroup = run("frost", "verify", "--group", groupFile.toString(), "--signature", sig, message.toString());
        assertThat(byGroup.code()).as(byGroup.err()).isZero();
        assertThat(byGroup.out()).isEqualTo("valid\n");
        CliRun byVkey = run("frost", "verify", "--vkey", group.vkey().encode(), "--signature", sig, message.toString());
        assertThat(byVkey.code()).isZero();
        Path other = Files.writeString(dir.resolve("other.txt"), TEXT.replace("node-3", "node-4"));
        CliRun bad = run("frost", "verify", "--vkey", group.vkey().encode(), "--signature", sig, other.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith("virex: signature does not verify").hasLineCount(1);
    }

    @Test
    void verifiesAnAttestationAndNamesTheSigners() throws Exception {
        CliRun ok = run("frost", "verify", "--group", groupFile.toString(), "--attestation", attestation.toString(), message.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("1 cli-member1.example\n3 cli-member3.example\n");
        assertThat(ok.err()).contains("attestation valid: 2 members of cli.example/federation signed (threshold 2 of 3)");

        String text = Files.readString(attestation);
        String[] lines = text.split("\n");
        String[] f = lines[4].split(" ");
        String otherShare = lines[5].split(" ")[5];
        lines[4] = String.join(" ", f[0], f[1], f[2], f[3], f[4], otherShare);
        Path forged = Files.writeString(dir.resolve("forged.txt"), String.join("\n", lines) + "\n");
        CliRun bad = run("frost", "verify", "--group", groupFile.toString(), "--attestation", forged.toString(), message.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("attestation rejected: invalid signature share from cli-member1.example").hasLineCount(1);
    }

    @Test
    void theSignatureIsAlsoAPlainSignedNote() throws Exception {
        Path note = Files.write(dir.resolve("decision.note"), new Note(TEXT, List.of(group.noteSignature(signed.signature()))).encode());
        CliRun r = run("note", "verify", "--vkey", group.vkey().encode(), note.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(TEXT);
    }

    @Test
    void usageMistakesAreExplained() {
        assertThat(run("frost", "verify", "--group", groupFile.toString(), message.toString()).code()).isEqualTo(2);
        assertThat(run("frost", "verify", "--group", groupFile.toString(), "--signature", "AA==", "--attestation", "x").code()).isEqualTo(2);
        CliRun noGroup = run("frost", "verify", "--vkey", group.vkey().encode(), "--attestation", attestation.toString(), message.toString());
        assertThat(noGroup.code()).isEqualTo(1);
        assertThat(noGroup.err()).contains("needs --group");
        CliRun notGroup = run("frost", "group", message.toString());
        assertThat(notGroup.code()).isEqualTo(1);
        assertThat(notGroup.err()).contains("is not a valid group description").hasLineCount(1);
        assertThat(run("frost").code()).isEqualTo(2);
    }
}

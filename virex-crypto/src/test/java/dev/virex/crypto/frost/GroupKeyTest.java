package dev.virex.crypto.frost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.VerifierKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group descriptions and key shares, in memory and on disk. */
class GroupKeyTest {
    static final List<KeyShare> SHARES = TestGroups.dealt(4, 7, "group-key");
    static final GroupKey GROUP = SHARES.get(0).group();

    @TempDir
    Path dir;

    @Test
    void theDescriptionRoundTripsAndItsVkeyIsAPlainNoteKey() throws Exception {
        GroupKey parsed = GroupKey.parse(GROUP.encode());
        assertThat(parsed).isEqualTo(GROUP);
        assertThat(parsed.threshold()).isEqualTo(4);
        assertThat(parsed.members()).hasSize(7);
        assertThat(VerifierKey.parse(GROUP.vkey().encode())).isEqualTo(GROUP.vkey());
        assertThat(GROUP.vkey().publicKey()).isEqualTo(GROUP.publicKey().serialize());
        assertThat(GROUP.id()).isEqualTo(Ciphersuite.sha256(GROUP.encode()));
        assertThat(GROUP.member(TestGroups.memberName(6)).id()).isEqualTo(Identifier.of(6));
        assertThatThrownBy(() -> GROUP.member(Identifier.of(8))).isInstanceOf(FrostException.class);
        assertThatThrownBy(() -> GROUP.member("nobody.example")).hasMessageContaining("nobody.example");
    }

    @Test
    void verifyingSharesThatDoNotFitTheGroupKeyAreRefused() throws Exception {
        List<GroupKey.Member> members = new ArrayList<>(GROUP.members());
        GroupKey.Member last = members.get(6);
        // One member beyond the first M off the polynomial: caught by the combined check.
        members.set(6, new GroupKey.Member(last.id(), last.name(), last.verifyingShare().add(Element.baseMultiply(Scalar.ONE))));
        assertThatThrownBy(() -> GroupKey.of(TestGroups.GROUP_NAME, GROUP.publicKey(), 4, members))
                .hasMessageContaining("one polynomial");
        // A different group key than the shares interpolate to.
        assertThatThrownBy(() -> GroupKey.of(TestGroups.GROUP_NAME, Element.baseMultiply(Scalar.of(5)), 4, GROUP.members()))
                .hasMessageContaining("interpolate");
        // The same shares claimed as 3-of-7: three members cannot interpolate a degree-3 polynomial.
        assertThatThrownBy(() -> GroupKey.of(TestGroups.GROUP_NAME, GROUP.publicKey(), 3, GROUP.members()))
                .hasMessageContaining("interpolate");
        // ... and as 5-of-7: the shares fit, but four members could sign, so the stated threshold
        // would overstate the group's protection.
        assertThatThrownBy(() -> GroupKey.of(TestGroups.GROUP_NAME, GROUP.publicKey(), 5, GROUP.members()))
                .hasMessageContaining("fewer than 5 members could sign");
    }

    @Test
    void keySharesRoundTripAndMustMatchTheirVerifyingShare() throws Exception {
        KeyShare s = SHARES.get(2);
        KeyShare parsed = KeyShare.parse(s.encode(SecretAccess.grant()), SecretAccess.grant());
        assertThat(parsed.id()).isEqualTo(Identifier.of(3));
        assertThat(parsed.secret(SecretAccess.grant())).isEqualTo(s.secret(SecretAccess.grant()));
        assertThat(parsed.toString()).doesNotContain(s.secret(SecretAccess.grant()).serialize().toBase64());
        assertThatThrownBy(() -> KeyShare.of(GROUP, Identifier.of(3), SHARES.get(1).secret(SecretAccess.grant()), SecretAccess.grant()))
                .satisfies(e -> assertThat(((FrostException) e).kind()).isEqualTo(FrostException.Kind.INVALID_SHARE));
        assertThatThrownBy(() -> s.secret(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyShareFilesAreOwnerOnlyNeverOverwrittenAndTruncationIsCaught() throws Exception {
        Path file = dir.resolve("member3.share");
        KeyShareFiles.write(file, SHARES.get(2));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyShareFiles.read(file).id()).isEqualTo(Identifier.of(3));
        assertThat(Files.list(dir).toList()).containsExactly(file);
        assertThatThrownBy(() -> KeyShareFiles.write(file, SHARES.get(3))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(KeyShareFiles.read(file).id()).isEqualTo(Identifier.of(3));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyShareFiles.read(file)).isInstanceOf(IOException.class).hasMessageContaining("chmod 600");

        Path truncated = dir.resolve("truncated.share");
        byte[] all = SHARES.get(2).encode(SecretAccess.grant());
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length - 30));
        Files.setPosixFilePermissions(truncated, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> KeyShareFiles.read(truncated)).isInstanceOf(FrostException.class);
    }

    @Test
    void theEncodingIsTheDocumentedText() {
        String text = new String(GROUP.encode(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("virex-frost-group/v1\nvkey " + GROUP.vkey().encode() + "\nthreshold 4\nmember 1 ");
    }
}

package dev.virex.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import dev.virex.crypto.entry.DecisionEntry;
import dev.virex.crypto.frost.GroupKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;

/** Checks every log entry the way an outsider would: a standard signed-note verifier, the JDK's Ed25519, the attestation. */
final class EntryChecks {
    private EntryChecks() {}

    static void allVerify(List<Bytes> entries, VerifierKey group, GroupKey frostGroup) throws Exception {
        assertThat(entries).isNotEmpty();
        PublicKey jdk = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                HexFormat.of().parseHex("302a300506032b6570032100" + group.publicKey().toHex())));
        for (Bytes e : entries) {
            VerifiedNote n = Note.open(e.toArray(), Verifiers.of(group.noteVerifier()));
            NoteSignature sig = n.verified().get(0);
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(jdk);
            v.update(n.text().getBytes(StandardCharsets.UTF_8));
            assertThat(v.verify(sig.signature().toArray())).as("JDK Ed25519 on %s", n.text().lines().skip(1).findFirst().orElse("")).isTrue();
            assertThat(DecisionEntry.open(e.toArray(), frostGroup).signers().size()).isGreaterThanOrEqualTo(frostGroup.threshold());
        }
    }
}

package dev.virex.core.pow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.virex.core.Bytes;
import dev.virex.core.note.Ed25519;
import dev.virex.core.note.Note;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochSeedTest {
    static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    static final SignerKey KEY = SignerKey.fromSeed("beacon.example", new byte[32], SecretAccess.grant());

    @Test
    void seedIsSha256OfTagEpochAndSignature() throws Exception {
        Bytes sig = Bytes.fromHex("ab".repeat(64));
        EpochSeed s = EpochSeed.fromBeaconSignature(7, GENESIS, Duration.ofMinutes(10), sig);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("virex/pow-seed/v1".getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) 0);
        sha.update(ByteBuffer.allocate(8).putLong(7).array());
        sha.update(sig.toArray());
        assertThat(s.seed()).isEqualTo(Bytes.wrap(sha.digest()));
        assertThat(s.head()).isEqualTo(ByteBuffer.wrap(s.seed().toArray()).getLong());
        assertThat(s.end()).isEqualTo(GENESIS.plusSeconds(600));
        assertThat(s.expiry()).isEqualTo(GENESIS.plusSeconds(1200));
    }

    @Test
    void localBeaconRotatesSeedsPerEpoch() {
        LocalEpochBeacon b = new LocalEpochBeacon(GENESIS, Duration.ofMinutes(10), KEY.noteSigner());
        EpochSeeds first = b.at(GENESIS.plusSeconds(5));
        assertThat(first.current().epoch()).isZero();
        assertThat(first.previous()).isEmpty();
        EpochSeeds later = b.at(GENESIS.plusSeconds(601));
        assertThat(later.current().epoch()).isEqualTo(1);
        assertThat(later.previous()).contains(first.current());
        assertThat(later.byHead(first.current().head())).contains(first.current());
        assertThat(later.byHead(later.current().head() ^ 1)).isEmpty();
        assertThat(b.at(GENESIS.plusSeconds(3600)).current().epoch()).isEqualTo(6);
        assertThat(b.at(GENESIS.plusSeconds(3600)).previous().orElseThrow().epoch()).isEqualTo(5);
    }

    @Test
    void theSeedComesFromTheSignatureOnThePublishedBeaconText() {
        LocalEpochBeacon b = new LocalEpochBeacon(GENESIS, Duration.ofMinutes(10), KEY.noteSigner());
        String text = b.beaconText(3);
        assertThat(text).isEqualTo("virex epoch beacon v1\nepoch 3\nstart 2026-01-01T00:30:00Z\nlength-seconds 600\n");
        Note note = Note.sign(text, KEY.noteSigner());
        Bytes sig = note.signatures().get(0).signature();
        assertThat(Ed25519.publicKey(KEY.verifierKey().publicKey()).verify(text.getBytes(StandardCharsets.UTF_8), sig.toArray())).isTrue();
        assertThat(b.seed(3).seed()).isEqualTo(EpochSeed.fromBeaconSignature(3, b.startOf(3), Duration.ofMinutes(10), sig).seed());
    }
}

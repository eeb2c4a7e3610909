package dev.virex.core.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virex.core.Bytes;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.SignerKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeTest {
    static final SignerKey NODE = SignerKey.generate("mix-1.example", new SecureRandom());
    static final Instant NOW = Instant.parse("2026-11-21T07:00:00Z");
    static final Probe PROBE = new Probe("member-1.example", "mix-1.example", Bytes.of(new byte[32]), NOW);

    @Test
    void aSignedAnswerToTheChallengeVerifies() throws Exception {
        assertThat(Probe.parse(PROBE.text())).isEqualTo(PROBE);
        byte[] answer = new ProbeAnswer("mix-1.example", PROBE.challenge(), NOW.plusSeconds(1), "0.1.0").sign(NODE.noteSigner());
        ProbeAnswer a = ProbeAnswer.verify(answer, PROBE, NODE.verifierKey(), NOW);
        assertThat(a.software()).isEqualTo("0.1.0");
    }

    @Test
    void answersForOtherChallengesKeysOrTimesFail() {
        SignerKey impostor = SignerKey.generate("mix-1.example", new SecureRandom());
        byte[] wrongKey = new ProbeAnswer("mix-1.example", PROBE.challenge(), NOW, "0.1.0").sign(impostor.noteSigner());
        assertThatThrownBy(() -> ProbeAnswer.verify(wrongKey, PROBE, NODE.verifierKey(), NOW)).isInstanceOf(NoteException.class);
        byte[] other = new ProbeAnswer("mix-1.example", Bytes.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}), NOW, "0.1.0").sign(NODE.noteSigner());
        assertThatThrownBy(() -> ProbeAnswer.verify(other, PROBE, NODE.verifierKey(), NOW)).hasMessageContaining("another");
        byte[] old = new ProbeAnswer("mix-1.example", PROBE.challenge(), NOW.minusSeconds(600), "0.1.0").sign(NODE.noteSigner());
        assertThatThrownBy(() -> ProbeAnswer.verify(old, PROBE, NODE.verifierKey(), NOW)).hasMessageContaining("time");
    }

    @Test
    void nonCanonicalProbesAreRefused() {
        String t = PROBE.text();
        for (String bad : new String[] {t.replace("virex-probe/v1", "virex-probe/v2"), t + "x y\n", t.replace("challenge 00", "challenge 0A"),
                t.replace("time 2026-11-21T07:00:00Z", "time 2026-11-21T07:00Z"), t.replace("member ", "member  ")}) {
            assertThatThrownBy(() -> Probe.parse(bad)).as(bad).isInstanceOf(ProbeFormatException.class);
        }
    }

    @FuzzTest
    void probeParser(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        try {
            assertThat(Probe.parse(s).text()).isEqualTo(s);
        } catch (ProbeFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}

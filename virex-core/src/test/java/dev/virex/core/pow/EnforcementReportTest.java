package dev.virex.core.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.virex.core.ingress.RejectReason;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.SecretAccess;
import dev.virex.core.note.SignerKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnforcementReportTest {
    static final SignerKey KEY = SignerKey.fromSeed("mixnode.example", new byte[32], SecretAccess.grant());
    static final SignerKey OTHER = SignerKey.fromSeed("mixnode.example", new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32
    }, SecretAccess.grant());

    static EnforcementReport report(SignerKey k) {
        Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, (long) r.code() * 16);
        }
        AbuseParams p = AbuseParams.defaults();
        return new EnforcementReport(k.verifierKey().publicKey(), 42, Instant.parse("2026-01-01T00:41:00Z"),
                Instant.parse("2026-01-01T00:42:00Z"), p.digestHex(), p.effortFloor(), 32, 1200, 1250, rejected);
    }

    @Test
    void textRoundTripsCanonically() throws Exception {
        EnforcementReport r = report(KEY);
        String text = r.encode();
        assertThat(text).startsWith("virex enforcement report v1\nmixnode ").contains("\naccepted 1200\nrejected 1250\nrejected-malformed 16\n")
                .contains("\nrejected-replay 160\n")
                .endsWith("rejected-undecryptable 192\n");
        assertThat(EnforcementReport.parse(text)).isEqualTo(r);
        assertThat(EnforcementReport.parse(text).encode()).isEqualTo(text);
        // The total is coarsened on its own: it need not be the sum of the coarsened reasons (16 x 78 = 1248).
        assertThat(r.rejectedTotal()).isEqualTo(1250);
    }

    @Test
    void parsingIsStrict() {
        String text = report(KEY).encode();
        assertThatThrownBy(() -> EnforcementReport.parse(text.replace("interval 42", "interval 042"))).isInstanceOf(ReportFormatException.class);
        assertThatThrownBy(() -> EnforcementReport.parse(text.replace("rejected-replay 160\n", ""))).isInstanceOf(ReportFormatException.class);
        assertThatThrownBy(() -> EnforcementReport.parse(text.replace("rejected 1250\n", ""))).isInstanceOf(ReportFormatException.class);
        assertThatThrownBy(() -> EnforcementReport.parse(text.replace("rejected 1250\n", "rejected -1\n")))
                .isInstanceOf(ReportFormatException.class);
        assertThatThrownBy(() -> EnforcementReport.parse(text.replace("v1", "v2"))).isInstanceOf(ReportFormatException.class);
        assertThatThrownBy(() -> EnforcementReport.parse(text.replace("end 2026-01-01T00:42:00Z", "end 2026-01-01T00:40:00Z")))
                .hasMessageContaining("start < end");
        assertThatThrownBy(() -> EnforcementReport.parse(text.replace("suggested-effort 32", "suggested-effort 8")))
                .isInstanceOf(ReportFormatException.class);
    }

    @Test
    void signedReportsVerifyByTheMixnodeKeyOnly() throws Exception {
        byte[] note = report(KEY).sign(KEY.noteSigner());
        assertThat(EnforcementReport.open(note, KEY.verifierKey())).isEqualTo(report(KEY));
        assertThatThrownBy(() -> EnforcementReport.open(note, OTHER.verifierKey())).isInstanceOf(NoteException.class);
        byte[] tampered = new String(note, StandardCharsets.UTF_8).replace("accepted 1200", "accepted 1300").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EnforcementReport.open(tampered, KEY.verifierKey()))
                .isInstanceOf(NoteException.class)
                .satisfies(e -> assertThat(((NoteException) e).kind()).isEqualTo(NoteException.Kind.INVALID_SIGNATURE));
        // A key signing a report that names another mixnode is caught.
        byte[] foreign = report(KEY).sign(OTHER.noteSigner());
        assertThatThrownBy(() -> EnforcementReport.open(foreign, OTHER.verifierKey())).hasMessageContaining("another mixnode");
    }

    @Test
    void auditorsCompareWithTheDecidedParameters() {
        EnforcementReport r = report(KEY);
        assertThat(r.problemsAgainst(AbuseParams.defaults())).isEmpty();
        assertThat(r.problemsAgainst(AbuseParams.defaults().withEffortFloor(20))).hasSize(2);
    }
}

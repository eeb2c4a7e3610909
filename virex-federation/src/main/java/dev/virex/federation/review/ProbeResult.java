package dev.virex.federation.review;

import dev.virex.core.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * One probe of a node by a member, and its report: the text below, whose SHA-256 is the evidence
 * reference ({@code probe:<hex>}) a removal proposal cites.
 *
 * <pre>
 * virex-probe-report/v1
 * member &lt;member&gt;
 * node &lt;node id&gt;
 * challenge &lt;64 hex&gt;
 * time &lt;time&gt;
 * result ok|fail
 * detail &lt;one line&gt;
 * </pre>
 */
public record ProbeResult(String member, String node, Bytes challenge, Instant time, boolean ok, String detail, String software) {
    public String report() {
        return "virex-probe-report/v1\nmember " + member + "\nnode " + node + "\nchallenge " + challenge.toHex() + "\ntime "
                + time + "\nresult " + (ok ? "ok" : "fail") + "\ndetail " + detail.replace('\n', ' ') + "\n";
    }

    public String reportHash() {
        try {
            return Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(report().getBytes(StandardCharsets.UTF_8))).toHex();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

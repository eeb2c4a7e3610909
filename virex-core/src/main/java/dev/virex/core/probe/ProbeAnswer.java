package dev.virex.core.probe;

import dev.virex.core.Bytes;
import dev.virex.core.note.KeyNames;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * A node's answer to a {@link Probe}: a signed note by the node key (proof of possession) whose
 * text names the challenge and the software the node runs.
 *
 * <pre>
 * virex-probe-answer/v1
 * node &lt;node id&gt;
 * challenge &lt;64 hex digits&gt;
 * time &lt;YYYY-MM-DDTHH:MM:SSZ&gt;
 * software &lt;version&gt;
 * </pre>
 */
public record ProbeAnswer(String node, Bytes challenge, Instant time, String software) {
    static final String VERSION = "virex-probe-answer/v1";
    private static final Pattern SOFTWARE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,63}");

    public ProbeAnswer {
        if (!KeyNames.isValid(node) || challenge.length() != 32 || !SOFTWARE.matcher(software).matches()) {
            throw new IllegalArgumentException("invalid probe answer fields");
        }
        time = time.truncatedTo(ChronoUnit.SECONDS);
    }

    public String text() {
        return VERSION + "\nnode " + node + "\nchallenge " + challenge.toHex() + "\ntime " + Probe.TIME.format(time)
                + "\nsoftware " + software + "\n";
    }

    /** The signed note a node sends back. */
    public byte[] sign(NoteSigner nodeKey) {
        return Note.sign(text(), nodeKey).encode();
    }

    /**
     * Checks a node's answer to {@code probe}: signed by {@code nodeKey}, for this node and this
     * challenge, with a time within {@link Probe#MAX_SKEW} of {@code now}.
     */
    public static ProbeAnswer verify(byte[] signed, Probe probe, VerifierKey nodeKey, Instant now)
            throws ProbeFormatException, NoteException {
        VerifiedNote note = Note.open(signed, Verifiers.of(nodeKey.noteVerifier()), Probe.MAX_TEXT + 512);
        String[] v = Fields.read(note.text(), VERSION, "node", "challenge", "time", "software");
        ProbeAnswer a = Probe.build(() -> new ProbeAnswer(v[0], Probe.hex(v[1]), Probe.time(v[2]), v[3]));
        if (!a.text().equals(note.text())) {
            throw new ProbeFormatException("probe answer is not in canonical form");
        }
        if (!a.node().equals(probe.node()) || !a.node().equals(nodeKey.name()) || !a.challenge().equals(probe.challenge())) {
            throw new ProbeFormatException("probe answer is for another node or challenge");
        }
        if (a.time().isBefore(now.minus(Probe.MAX_SKEW)) || a.time().isAfter(now.plus(Probe.MAX_SKEW))) {
            throw new ProbeFormatException("probe answer time is off by more than " + Probe.MAX_SKEW.toSeconds() + " s");
        }
        return a;
    }
}

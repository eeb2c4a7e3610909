package dev.virex.core.witness;

import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSignature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of a successful C2SP tlog-witness {@code add-checkpoint} answer: one or more signed-note
 * signature lines ({@code — <name> <base64>}), each ending in a newline. The lines are parsed with
 * the signed-note parser itself, so exactly the lines a note may carry are accepted.
 *
 * <p>Implementation limits: at most {@link #MAX_LINES} lines, {@link #MAX_BYTES} bytes.
 */
public final class CosignatureLines {
    public static final int MAX_LINES = 16;
    public static final int MAX_BYTES = 8 * 1024;
    private static final byte[] STUB = "cosignatures\n\n".getBytes(StandardCharsets.US_ASCII);

    private CosignatureLines() {}

    public static List<NoteSignature> parse(byte[] body) throws WitnessFormatException {
        if (body.length == 0 || body.length > MAX_BYTES) {
            throw new WitnessFormatException("a cosignature answer is 1 to " + MAX_BYTES + " bytes");
        }
        byte[] note = new byte[STUB.length + body.length];
        System.arraycopy(STUB, 0, note, 0, STUB.length);
        System.arraycopy(body, 0, note, STUB.length, body.length);
        List<NoteSignature> sigs;
        try {
            // The stub text ends where the body begins: any blank line inside the body would
            // become the text/signature split, which the check below refuses.
            Note parsed = Note.parse(note, STUB.length + MAX_BYTES);
            if (!parsed.text().equals("cosignatures\n")) {
                throw new WitnessFormatException("a cosignature answer holds signature lines only");
            }
            sigs = parsed.signatures();
        } catch (NoteException e) {
            throw new WitnessFormatException("malformed cosignature lines: " + e.getMessage(), e);
        }
        if (sigs.size() > MAX_LINES) {
            throw new WitnessFormatException("more than " + MAX_LINES + " cosignature lines");
        }
        return sigs;
    }

    public static byte[] encode(List<NoteSignature> sigs) {
        if (sigs.isEmpty() || sigs.size() > MAX_LINES) {
            throw new IllegalArgumentException("1 to " + MAX_LINES + " signature lines");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(sigs.size() * 128);
        for (NoteSignature s : sigs) {
            out.writeBytes((s.line() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}

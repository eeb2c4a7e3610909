package dev.virex.federation.wire;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import dev.virex.core.note.KeyNames;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every request one member sends another: a C2SP signed note by the sender's identity key whose
 * text is
 *
 * <pre>
 * virex-member-message/v1
 * from &lt;sender name&gt;
 * to &lt;receiver name&gt;
 * time &lt;YYYY-MM-DDTHH:MM:SSZ&gt;
 * kind &lt;message kind&gt;
 * payload &lt;base64&gt;
 * </pre>
 *
 * Strict and canonical; payload at most {@link #MAX_PAYLOAD} bytes, the note at most {@link #MAX_NOTE}.
 */
public record Envelope(String from, String to, Instant time, String kind, Bytes payload) {
    public static final String VERSION = "virex-member-message/v1";
    public static final int MAX_PAYLOAD = 256 * 1024;
    public static final int MAX_NOTE = MAX_PAYLOAD / 3 * 4 + 8 + 4096;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public Envelope {
        if (!KeyNames.isValid(from) || !KeyNames.isValid(to)) {
            throw new IllegalArgumentException("from and to must be member names");
        }
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must be 1 to 32 of [a-z0-9-]");
        }
        if (time.getNano() != 0) {
            throw new IllegalArgumentException("envelope time must be whole seconds");
        }
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload larger than " + MAX_PAYLOAD + " bytes");
        }
    }

    public String text() {
        return VERSION + "\nfrom " + from + "\nto " + to + "\ntime " + TIME.format(time) + "\nkind " + kind + "\npayload "
                + (payload.length() == 0 ? "-" : payload.toBase64()) + "\n";
    }

    /** The signed note; {@code identity} must be the sender's key. */
    public byte[] sign(NoteSigner identity) {
        if (!identity.name().equals(from)) {
            throw new IllegalArgumentException("an envelope from " + from + " must be signed by " + from + "'s key");
        }
        return Note.sign(text(), identity).encode();
    }

    public static Envelope parse(String text) throws EnvelopeException {
        String[] l = text.endsWith("\n") ? text.substring(0, text.length() - 1).split("\n", -1) : new String[0];
        if (l.length != 6 || !l[0].equals(VERSION)) {
            throw malformed("an envelope is " + VERSION + " and five lines");
        }
        String payload = value(l[5], "payload");
        Bytes bytes = payload.equals("-") ? Bytes.EMPTY
                : Bytes.wrap(Base64s.decodeCanonical(payload).orElseThrow(() -> malformed("payload must be canonical base64")));
        Envelope e;
        try {
            e = new Envelope(value(l[1], "from"), value(l[2], "to"), Instant.from(TIME.parse(value(l[3], "time"))), value(l[4], "kind"), bytes);
        } catch (DateTimeParseException | IllegalArgumentException ex) {
            throw malformed(ex.getMessage());
        }
        if (!e.text().equals(text)) {
            throw malformed("envelope is not in canonical form");
        }
        return e;
    }

    /**
     * Verifies a signed envelope over the exact bytes received: exactly one signature, by the
     * identity key of the member named in {@code from} ({@code keys} answers a member's key).
     */
    public static Envelope open(byte[] note, Function<String, Optional<VerifierKey>> keys) throws EnvelopeException {
        if (note.length > MAX_NOTE) {
            throw new EnvelopeException(EnvelopeException.Kind.TOO_LARGE, "envelope larger than " + MAX_NOTE + " bytes");
        }
        Note parsed;
        try {
            parsed = Note.parse(note, MAX_NOTE);
        } catch (NoteException e) {
            throw malformed("not a signed note: " + e.getMessage());
        }
        Envelope env = parse(parsed.text());
        VerifierKey key = keys.apply(env.from()).orElseThrow(() ->
                new EnvelopeException(EnvelopeException.Kind.UNKNOWN_SENDER, "unknown member " + env.from()));
        if (parsed.signatures().size() != 1 || !parsed.signatures().get(0).name().equals(key.name())
                || parsed.signatures().get(0).keyId() != key.keyId()) {
            throw new EnvelopeException(EnvelopeException.Kind.UNKNOWN_SENDER, "envelope is not signed by the identity key of " + env.from());
        }
        try {
            // C2SP signed-note, "Signatures": the sender's signature verifies over the exact bytes received.
            Note.open(note, Verifiers.of(key.noteVerifier()), MAX_NOTE);
        } catch (NoteException e) {
            throw new EnvelopeException(EnvelopeException.Kind.BAD_SIGNATURE, "envelope signature: " + e.getMessage());
        }
        return env;
    }

    private static String value(String line, String key) throws EnvelopeException {
        if (!line.startsWith(key + " ") || line.length() == key.length() + 1) {
            throw malformed("expected '" + key + " <value>'");
        }
        return line.substring(key.length() + 1);
    }

    private static EnvelopeException malformed(String m) {
        return new EnvelopeException(EnvelopeException.Kind.MALFORMED, m);
    }
}

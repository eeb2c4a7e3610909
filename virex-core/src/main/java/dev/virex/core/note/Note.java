package dev.virex.core.note;

import dev.virex.core.Base64s;
import dev.virex.core.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A signed note, C2SP signed-note: a text ending in a newline, a blank line, then one or more
 * signature lines {@code — <key name> <base64(key ID || signature)>}.
 *
 * <p>Parsing is strict and canonical: {@code parse(b).encode()} gives back exactly {@code b}.
 * Implementation limits (see docs/spec/notes.md): at most {@link #DEFAULT_MAX_BYTES} bytes unless
 * the caller sets another cap, at most {@link #MAX_SIGNATURES} signature lines (the spec requires
 * accepting at least 16), key names of at most 255 characters.
 */
public record Note(String text, List<NoteSignature> signatures) {
    /** Default cap on a whole encoded note. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;
    /** Cap on signature lines, counting unknown and duplicate ones, as golang.org/x/mod does. */
    public static final int MAX_SIGNATURES = 100;

    static final String SIG_PREFIX = "\u2014 ";
    private static final byte[] SIG_PREFIX_BYTES = SIG_PREFIX.getBytes(StandardCharsets.UTF_8);

    public Note {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must be non-empty and end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException("note text contains a control character at offset " + i);
            }
        }
        signatures = List.copyOf(signatures);
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("more than " + MAX_SIGNATURES + " signatures");
        }
    }

    /** Parses the structure of a note without verifying anything, with the default size cap. */
    public static Note parse(byte[] msg) throws NoteException {
        return parse(msg, DEFAULT_MAX_BYTES);
    }

    public static Note parse(byte[] msg, int maxBytes) throws NoteException {
        return split(msg, maxBytes).note;
    }

    /**
     * Parses and verifies a note (C2SP signed-note, "Signatures"): signatures by unknown keys are
     * kept aside, every signature by a known key must verify (else {@code INVALID_SIGNATURE}),
     * and at least one must (else {@code UNVERIFIED}). Verification runs over the exact bytes
     * received.
     */
    public static VerifiedNote open(byte[] msg, Verifiers known) throws NoteException {
        return open(msg, known, DEFAULT_MAX_BYTES);
    }

    public static VerifiedNote open(byte[] msg, Verifiers known, int maxBytes) throws NoteException {
        Parsed p = split(msg, maxBytes);
        List<NoteSignature> verified = new ArrayList<>();
        List<NoteSignature> unverified = new ArrayList<>();
        Set<String> seenKnown = new HashSet<>();
        Set<NoteSignature> seenUnknown = new HashSet<>();
        for (NoteSignature sig : p.note.signatures) {
            Optional<NoteVerifier> v = known.find(sig.name(), sig.keyId());
            if (v.isEmpty()) {
                if (seenUnknown.add(sig)) {
                    unverified.add(sig);
                }
                continue;
            }
            if (!seenKnown.add(sig.name() + "+" + sig.keyId())) {
                continue; // repeated signature by one key: the first one decides
            }
            if (!v.get().verify(msg, 0, p.textLength, sig.signature().toArray())) {
                throw new NoteException(NoteException.Kind.INVALID_SIGNATURE,
                        "invalid signature for key " + sig.name() + "+" + KeyIds.hex(sig.keyId()));
            }
            verified.add(sig);
        }
        if (verified.isEmpty()) {
            throw new NoteException(NoteException.Kind.UNVERIFIED, "note has no signature by a known key");
        }
        return new VerifiedNote(p.note, verified, unverified);
    }

    /** Signs {@code text} with every signer, in order. */
    public static Note sign(String text, List<? extends NoteSigner> signers) {
        return new Note(text, List.of()).withSignatures(signers);
    }

    public static Note sign(String text, NoteSigner... signers) {
        return sign(text, List.of(signers));
    }

    /**
     * Adds signatures by {@code signers} after the existing ones, dropping any existing signature
     * by the same (name, key ID), as golang.org/x/mod/sumdb/note does.
     */
    public Note withSignatures(List<? extends NoteSigner> signers) {
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> fresh = new ArrayList<>();
        for (NoteSigner s : signers) {
            fresh.add(new NoteSignature(s.name(), s.keyId(), Bytes.wrap(s.sign(textBytes))));
        }
        List<NoteSignature> all = new ArrayList<>();
        for (NoteSignature old : signatures) {
            if (fresh.stream().noneMatch(f -> f.name().equals(old.name()) && f.keyId() == old.keyId())) {
                all.add(old);
            }
        }
        all.addAll(fresh);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a note needs at least one signature");
        }
        return new Note(text, all);
    }

    /** The wire form: text, blank line, signature lines. */
    public byte[] encode() {
        if (signatures.isEmpty()) {
            throw new IllegalStateException("a note without signatures has no wire form");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 100 * signatures.size());
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        for (NoteSignature s : signatures) {
            out.writeBytes(s.line().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private record Parsed(Note note, int textLength) {}

    private static Parsed split(byte[] msg, int maxBytes) throws NoteException {
        if (msg.length > maxBytes) {
            throw new NoteException(NoteException.Kind.TOO_LARGE, "note is " + msg.length + " bytes, limit " + maxBytes);
        }
        String all = decodeUtf8(msg);
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw NoteException.malformed("note contains a control character");
            }
        }
        int split = lastBlankLine(msg);
        if (split < 0) {
            throw NoteException.malformed("note has no blank line before its signatures");
        }
        int textLength = split + 1;
        int sigStart = split + 2;
        if (sigStart >= msg.length || msg[msg.length - 1] != '\n') {
            throw NoteException.malformed("note must end with signature lines, each ending in a newline");
        }
        String text = new String(msg, 0, textLength, StandardCharsets.UTF_8);
        List<NoteSignature> sigs = new ArrayList<>();
        int pos = sigStart;
        while (pos < msg.length) {
            int eol = indexOf(msg, (byte) '\n', pos);
            if (sigs.size() == MAX_SIGNATURES) {
                throw new NoteException(NoteException.Kind.TOO_LARGE, "note has more than " + MAX_SIGNATURES + " signatures");
            }
            sigs.add(parseSignatureLine(msg, pos, eol));
            pos = eol + 1;
        }
        return new Parsed(new Note(text, sigs), textLength);
    }

    private static NoteSignature parseSignatureLine(byte[] msg, int from, int to) throws NoteException {
        if (to - from < SIG_PREFIX_BYTES.length
                || !java.util.Arrays.equals(msg, from, from + SIG_PREFIX_BYTES.length, SIG_PREFIX_BYTES, 0, SIG_PREFIX_BYTES.length)) {
            throw NoteException.malformed("signature line must start with an em dash and a space");
        }
        String line = new String(msg, from + SIG_PREFIX_BYTES.length, to - from - SIG_PREFIX_BYTES.length, StandardCharsets.UTF_8);
        int sp = line.indexOf(' ');
        if (sp < 0) {
            throw NoteException.malformed("signature line must be '— <name> <base64>'");
        }
        String name = line.substring(0, sp);
        if (!KeyNames.isValid(name)) {
            throw NoteException.malformed("signature line has an invalid key name");
        }
        byte[] raw = Base64s.decodeCanonical(line.substring(sp + 1))
                .orElseThrow(() -> NoteException.malformed("signature is not canonical base64"));
        if (raw.length < 5) {
            throw NoteException.malformed("signature shorter than a key ID and one byte");
        }
        int keyId = ((raw[0] & 0xff) << 24) | ((raw[1] & 0xff) << 16) | ((raw[2] & 0xff) << 8) | (raw[3] & 0xff);
        return new NoteSignature(name, keyId, Bytes.of(raw, 4, raw.length - 4));
    }

    static String decodeUtf8(byte[] msg) throws NoteException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(msg))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NoteException(NoteException.Kind.MALFORMED, "note is not valid UTF-8", e);
        }
    }

    private static int lastBlankLine(byte[] msg) {
        for (int i = msg.length - 2; i >= 0; i--) {
            if (msg[i] == '\n' && msg[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}

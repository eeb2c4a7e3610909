package dev.virex.core.join;

import dev.virex.core.Bytes;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.NoteSignature;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import java.util.List;

/**
 * A join request as sent: a C2SP signed note whose text is the {@link JoinRequest}, with exactly
 * two signature lines, the node key's first (proof of possession of the key being admitted), then
 * the operator key's (the operator vouches for the node). {@code note} is kept byte for byte.
 */
public record SignedJoinRequest(JoinRequest request, Bytes note) {
    /** Cap on the signed note: the text and two signature lines. */
    public static final int MAX_NOTE = JoinRequest.MAX_TEXT + 2048;

    public static SignedJoinRequest sign(JoinRequest request, NoteSigner nodeKey, NoteSigner operatorKey) {
        requireKey(nodeKey, request.node().node(), "node");
        requireKey(operatorKey, request.node().operator(), "operator");
        return new SignedJoinRequest(request, Bytes.wrap(Note.sign(request.text(), nodeKey, operatorKey).encode()));
    }

    /**
     * Parses and verifies a signed request over the exact bytes received (C2SP signed-note): both
     * the node's and the operator's signature must verify, in that order, and nothing else may be
     * signed on it.
     */
    public static SignedJoinRequest open(byte[] note) throws JoinFormatException {
        if (note.length > MAX_NOTE) {
            throw new JoinFormatException(JoinFormatException.Kind.TOO_LARGE, "join request note larger than " + MAX_NOTE + " bytes");
        }
        Note parsed;
        try {
            parsed = Note.parse(note, MAX_NOTE);
        } catch (NoteException e) {
            throw JoinFormatException.malformed("not a signed note: " + e.getMessage());
        }
        JoinRequest r = JoinRequest.parse(parsed.text());
        VerifierKey node = r.node().node();
        VerifierKey operator = r.node().operator();
        List<NoteSignature> sigs = parsed.signatures();
        if (sigs.size() != 2 || !matches(sigs.get(0), node) || !matches(sigs.get(1), operator)) {
            throw new JoinFormatException(JoinFormatException.Kind.BAD_SIGNATURE,
                    "a join request carries exactly two signatures: the node key's, then the operator key's");
        }
        try {
            // C2SP signed-note, "Signatures": every signature by a known key must verify, over the exact bytes received.
            VerifiedNote v = Note.open(note, Verifiers.of(node.noteVerifier(), operator.noteVerifier()), MAX_NOTE);
            if (v.verified().size() != 2) {
                throw new JoinFormatException(JoinFormatException.Kind.BAD_SIGNATURE, "both signatures must verify");
            }
        } catch (NoteException e) {
            throw new JoinFormatException(JoinFormatException.Kind.BAD_SIGNATURE, "signature check failed: " + e.getMessage(), e);
        }
        return new SignedJoinRequest(r, Bytes.of(note));
    }

    public Bytes id() {
        return request.id();
    }

    private static boolean matches(NoteSignature s, VerifierKey k) {
        return s.name().equals(k.name()) && s.keyId() == k.keyId();
    }

    private static void requireKey(NoteSigner s, VerifierKey k, String what) {
        if (!s.name().equals(k.name()) || s.keyId() != k.keyId()) {
            throw new IllegalArgumentException("the " + what + " signer is not the request's " + what + " key");
        }
    }
}

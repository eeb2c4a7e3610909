package dev.virex.core.note;

import java.util.List;

/**
 * A note whose text may be trusted: at least one signature by a known key verified, and none by a
 * known key failed. {@code unverified} lists signatures by keys the reader does not know (for
 * example witness cosignatures), left for other layers to check.
 */
public record VerifiedNote(Note note, List<NoteSignature> verified, List<NoteSignature> unverified) {
    public VerifiedNote {
        verified = List.copyOf(verified);
        unverified = List.copyOf(unverified);
        if (verified.isEmpty()) {
            throw new IllegalArgumentException("a verified note needs at least one verified signature");
        }
    }

    public String text() {
        return note.text();
    }

    public boolean isSignedBy(String name, int keyId) {
        return verified.stream().anyMatch(s -> s.name().equals(name) && s.keyId() == keyId);
    }
}

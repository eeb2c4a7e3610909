package dev.virex.auditor.notice;

/** What a notice is about: a checkpoint the auditor verified, or something it found. */
public sealed interface Subject permits CheckpointSeen, Finding {
    /** The notice kind on the wire. */
    String kind();

    /** The subject's lines of the notice text, each ending in a newline. */
    void write(StringBuilder out);
}

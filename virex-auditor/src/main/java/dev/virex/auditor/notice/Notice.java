package dev.virex.auditor.notice;

import dev.virex.auditor.text.Fields;
import dev.virex.core.note.KeyNames;
import dev.virex.core.note.Note;
import dev.virex.core.note.NoteException;
import dev.virex.core.note.NoteSigner;
import dev.virex.core.note.VerifiedNote;
import dev.virex.core.note.VerifierKey;
import dev.virex.core.note.Verifiers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A public audit notice: the text of a signed note (C2SP signed-note) signed with the auditor's
 * Ed25519 key, saying what the auditor checked or found (docs/spec/auditor.md, "Notices"):
 *
 * <pre>
 * virex-audit-notice/v1
 * auditor &lt;the auditor's key name&gt;
 * serial &lt;n, increasing per auditor from 1&gt;
 * time &lt;UTC time, whole seconds&gt;
 * kind checkpoint | finding
 * ...the subject's lines ({@link CheckpointSeen}, {@link Finding})
 * </pre>
 *
 * Parsing is strict and canonical ({@code parse(t).text()} equals {@code t}). Implementation
 * limits: text at most {@link #MAX_TEXT_BYTES}, signed note at most {@link #MAX_NOTE_BYTES}.
 */
public record Notice(String auditor, long serial, Instant time, Subject subject) {
    public static final String VERSION = "virex-audit-notice/v1";
    public static final int MAX_TEXT_BYTES = 128 * 1024;
    public static final int MAX_NOTE_BYTES = MAX_TEXT_BYTES + 1024;

    public Notice {
        if (!KeyNames.isValid(auditor) || serial < 1 || time.getNano() != 0) {
            throw new IllegalArgumentException("need a valid auditor key name, a serial >= 1 and a whole-second time");
        }
    }

    public String text() {
        StringBuilder sb = new StringBuilder(512).append(VERSION).append('\n')
                .append("auditor ").append(auditor).append('\n')
                .append("serial ").append(serial).append('\n')
                .append("time ").append(Fields.format(time)).append('\n')
                .append("kind ").append(subject.kind()).append('\n');
        subject.write(sb);
        return sb.toString();
    }

    public static Notice parse(String text) throws NoticeFormatException {
        Fields<NoticeFormatException> in = Fields.of(text.getBytes(StandardCharsets.UTF_8), MAX_TEXT_BYTES, NoticeFormatException::new);
        in.literal(VERSION);
        String auditor = in.value("auditor");
        long serial = in.number("serial", 1, Long.MAX_VALUE);
        Instant time = in.time("time");
        Subject subject = switch (in.value("kind")) {
            case "checkpoint" -> CheckpointSeen.read(in);
            case "finding" -> Finding.read(in);
            default -> throw new NoticeFormatException("kind must be checkpoint or finding");
        };
        in.end();
        Notice n;
        try {
            n = new Notice(auditor, serial, time, subject);
        } catch (IllegalArgumentException e) {
            throw new NoticeFormatException(e.getMessage(), e);
        }
        if (!n.text().equals(text)) {
            throw new NoticeFormatException("notice is not in canonical form");
        }
        return n;
    }

    /** The signed note of this notice. */
    public byte[] sign(NoteSigner auditorKey) {
        if (!auditorKey.name().equals(auditor)) {
            throw new IllegalArgumentException("a notice is signed by the auditor it names");
        }
        return Note.sign(text(), auditorKey).encode();
    }

    /** Verifies a signed notice by {@code auditorKey} over the exact bytes, then parses it; it must name that key. */
    public static Notice open(byte[] note, VerifierKey auditorKey) throws NoteException, NoticeFormatException {
        VerifiedNote v = Note.open(note, Verifiers.of(auditorKey.noteVerifier()), MAX_NOTE_BYTES);
        Notice n = parse(v.text());
        if (!n.auditor().equals(auditorKey.name())) {
            throw new NoticeFormatException("notice names auditor " + n.auditor() + ", signed by " + auditorKey.name());
        }
        return n;
    }
}

package dev.virex.core.decision;

import dev.virex.core.note.KeyNames;
import java.time.Instant;

/**
 * The first four lines of every decision: format version, kind, the federation (its group key's
 * name) and the time of the decision, in whole seconds, UTC.
 */
public record Header(DecisionKind kind, String federation, Instant time) {
    static final String VERSION = "virex-decision/v1";

    public Header {
        if (!KeyNames.isValid(federation)) {
            throw new IllegalArgumentException("federation must be a valid key name");
        }
        if (time.getNano() != 0) {
            throw new IllegalArgumentException("decision times are whole seconds");
        }
    }

    void write(StringBuilder sb) {
        sb.append(VERSION).append('\n')
                .append("kind ").append(kind.wire()).append('\n')
                .append("federation ").append(federation).append('\n')
                .append("time ").append(Lines.format(time)).append('\n');
    }

    static Header read(Lines in) throws DecisionFormatException {
        in.literal(VERSION);
        DecisionKind kind = DecisionKind.parse(in.expect("kind"));
        String federation = in.expect("federation");
        if (!KeyNames.isValid(federation)) {
            throw new DecisionFormatException("federation must be a valid key name");
        }
        return new Header(kind, federation, Lines.time(in.expect("time")));
    }
}

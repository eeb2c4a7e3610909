package dev.virex.core.pow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ordered list of parameter changes, each in force from its activation until the next: the
 * state a log fold keeps, and the local stand-in for it. Text form (a params file): the changes'
 * texts separated by one blank line, activations strictly increasing.
 *
 * <p>Implementation limits: at most {@link #MAX_CHANGES} changes, {@link #MAX_TEXT_BYTES} bytes.
 */
public final class ParamsTimeline implements ParamsSource {
    public static final int MAX_CHANGES = 64;
    public static final int MAX_TEXT_BYTES = MAX_CHANGES * (ParamsChange.MAX_TEXT_BYTES + 1);

    private final List<ParamsChange> changes;

    private ParamsTimeline(List<ParamsChange> changes) {
        this.changes = List.copyOf(changes);
    }

    /** A timeline of {@code changes} in activation order. */
    public static ParamsTimeline of(List<ParamsChange> changes) {
        if (changes.isEmpty() || changes.size() > MAX_CHANGES) {
            throw new IllegalArgumentException("a timeline holds 1 to " + MAX_CHANGES + " changes");
        }
        for (int i = 1; i < changes.size(); i++) {
            if (!changes.get(i).activation().isAfter(changes.get(i - 1).activation())) {
                throw new IllegalArgumentException("activations must be strictly increasing");
            }
        }
        return new ParamsTimeline(changes);
    }

    /** One parameter set, in force since {@code since}. */
    public static ParamsTimeline constant(Instant since, AbuseParams params) {
        return of(List.of(new ParamsChange(since, params)));
    }

    /** This timeline with {@code change} appended (it must activate after the last one). */
    public ParamsTimeline with(ParamsChange change) {
        List<ParamsChange> all = new ArrayList<>(changes);
        all.add(change);
        return of(all);
    }

    public List<ParamsChange> changes() {
        return changes;
    }

    /** The earliest instant at which any parameters are in force. */
    public Instant start() {
        return changes.get(0).activation();
    }

    /**
     * The change in force at {@code now}: the last one activated at or before it. Before the first
     * activation the first change is answered, so callers check {@link #start()} once at startup.
     */
    @Override
    public ParamsView at(Instant now) {
        int i = 0;
        while (i + 1 < changes.size() && !changes.get(i + 1).activation().isAfter(now)) {
            i++;
        }
        Optional<ParamsChange> next = i + 1 < changes.size() ? Optional.of(changes.get(i + 1)) : Optional.empty();
        return new ParamsView(changes.get(i), next);
    }

    public String encode() {
        StringBuilder sb = new StringBuilder();
        for (ParamsChange c : changes) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(c.encode());
        }
        return sb.toString();
    }

    public static ParamsTimeline parse(String text) throws ParamsFormatException {
        TextLines<ParamsFormatException> in = TextLines.of(text, MAX_TEXT_BYTES, ParamsFormatException::new);
        List<ParamsChange> out = new ArrayList<>();
        out.add(ParamsChange.read(in));
        while (in.hasNext()) {
            in.expect("");
            if (out.size() == MAX_CHANGES) {
                throw new ParamsFormatException("more than " + MAX_CHANGES + " parameter changes");
            }
            out.add(ParamsChange.read(in));
        }
        try {
            return of(out);
        } catch (IllegalArgumentException e) {
            throw new ParamsFormatException(e.getMessage(), e);
        }
    }

    public static ParamsTimeline parse(byte[] data) throws ParamsFormatException {
        if (data.length > MAX_TEXT_BYTES) {
            throw new ParamsFormatException("params text longer than " + MAX_TEXT_BYTES + " bytes");
        }
        return parse(TextLines.utf8(data, ParamsFormatException::new));
    }
}

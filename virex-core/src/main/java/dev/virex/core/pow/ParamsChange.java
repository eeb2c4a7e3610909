package dev.virex.core.pow;

import java.time.Instant;
import java.util.Objects;

/**
 * A parameter set and the instant it takes effect: what a federation {@code params-changed}
 * decision carries. Text form: {@code activation <UTC time>} followed by the parameter lines.
 */
public record ParamsChange(Instant activation, AbuseParams params) {
    public static final int MAX_TEXT_BYTES = AbuseParams.MAX_TEXT_BYTES + 64;

    public ParamsChange {
        Objects.requireNonNull(params, "params");
        if (activation.getNano() != 0) {
            throw new IllegalArgumentException("activation must be a whole second");
        }
    }

    public String encode() {
        return "activation " + TextLines.formatInstant(activation) + "\n" + params.encode();
    }

    public static ParamsChange parse(String text) throws ParamsFormatException {
        TextLines<ParamsFormatException> in = TextLines.of(text, MAX_TEXT_BYTES, ParamsFormatException::new);
        ParamsChange c = read(in);
        in.end();
        return c;
    }

    static ParamsChange read(TextLines<ParamsFormatException> in) throws ParamsFormatException {
        Instant at = in.instant("activation");
        return new ParamsChange(at, AbuseParams.read(in));
    }
}

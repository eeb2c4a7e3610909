package dev.virex.core.decision;

import dev.virex.core.Bytes;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Parsing of decision texts (docs/spec/decisions.md): strict, canonical, size-capped. */
public final class Decisions {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{64}");

    private Decisions() {}

    /** Parses a decision text; {@code parse(t).text()} equals {@code t}. */
    public static Decision parse(String text) throws DecisionFormatException {
        Lines in = new Lines(text, Decision.MAX_TEXT);
        Header h = Header.read(in);
        Decision d = switch (h.kind()) {
            case FEDERATION_KEY -> FederationKey.read(h, in);
            case JOIN_APPROVED -> JoinApproved.read(h, in);
            case JOIN_REJECTED -> JoinRejected.read(h, in);
            case NODE_REMOVED -> NodeRemoved.read(h, in);
            case PARAMS_CHANGED -> ParamsChanged.read(h, in);
            case EPOCH -> EpochBeacon.read(h, in);
            case DIRECTORY -> DirectorySnapshot.read(h, in);
        };
        if (!d.text().equals(text)) {
            throw new DecisionFormatException("decision text is not in canonical form");
        }
        return d;
    }

    static void requireKind(Header h, DecisionKind k) {
        if (h.kind() != k) {
            throw new IllegalArgumentException("header kind " + h.kind().wire() + " on a " + k.wire() + " decision");
        }
    }

    static void requireHash(Bytes b, String what) {
        if (b.length() != 32) {
            throw new IllegalArgumentException(what + " must be a SHA-256 hash");
        }
    }

    static Bytes hash(String hex, String what) throws DecisionFormatException {
        if (!HEX32.matcher(hex).matches()) {
            throw new DecisionFormatException(what + " must be 64 lowercase hex digits");
        }
        return Bytes.wrap(HexFormat.of().parseHex(hex));
    }

    static List<Reason> reasons(Lines in, int max) throws DecisionFormatException {
        List<Reason> out = new java.util.ArrayList<>();
        for (String r : in.repeated("reason", max)) {
            out.add(Reason.parse(r));
        }
        return out;
    }

    /** Runs a record constructor, turning its validation failure into a format error. */
    static <T> T build(Supplier<T> constructor) throws DecisionFormatException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new DecisionFormatException(e.getMessage());
        }
    }
}

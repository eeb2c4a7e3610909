package dev.virex.crypto.frost;

import dev.virex.core.Bytes;

/**
 * A participant identifier: a NonZeroScalar in [1, MAX_PARTICIPANTS] (RFC 9591 section 5).
 * VIREX numbers the members of a group 1..N in the order of the group description; N is at most
 * {@link #MAX}, an implementation limit (federations have 5 to 15 members).
 */
public record Identifier(int value) implements Comparable<Identifier> {
    /** Implementation limit on MAX_PARTICIPANTS. */
    public static final int MAX = 255;

    public Identifier {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("identifier must be in [1, " + MAX + "], got " + value);
        }
    }

    public static Identifier of(int value) {
        return new Identifier(value);
    }

    /** Parses the decimal form used in VIREX texts: 1 to 255, no sign, no leading zero. */
    public static Identifier parse(String s) throws FrostException {
        if (!s.matches("[1-9][0-9]{0,2}") || Integer.parseInt(s) > MAX) {
            throw FrostException.malformed("member identifier must be a decimal in [1, " + MAX + "], got '" + clip(s) + "'");
        }
        return new Identifier(Integer.parseInt(s));
    }

    public Scalar scalar() {
        return Scalar.of(value);
    }

    /** SerializeScalar(identifier), as the RFC's encodings and hashes use it. */
    public Bytes serialize() {
        return scalar().serialize();
    }

    @Override
    public int compareTo(Identifier o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }

    static String clip(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }
}

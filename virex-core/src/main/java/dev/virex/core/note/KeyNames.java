package dev.virex.core.note;

/** Key-name rule of C2SP signed-note: non-empty, no Unicode space, no plus (U+002B). */
public final class KeyNames {
    /** Implementation limit: longer names are refused (the spec sets none). */
    public static final int MAX_NAME_LENGTH = 255;

    private KeyNames() {}

    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp == '+' || cp < 0x20 || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    || cp == 0x85 || Character.getType(cp) == Character.SURROGATE) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    static String require(String name) throws NoteException {
        if (!isValid(name)) {
            throw NoteException.malformed("invalid key name: must be 1 to " + MAX_NAME_LENGTH
                    + " characters with no spaces or '+'");
        }
        return name;
    }
}

package dev.virex.core.tlog;

import java.util.Locale;

/**
 * A resource path of C2SP tlog-tiles: a hash tile {@code tile/<L>/<N>[.p/<W>]} or an entry bundle
 * {@code tile/entries/<N>[.p/<W>]}. {@code level} is -1 for entry bundles; {@code width} is 256
 * for a full tile and 1 to 255 for a partial one. {@code parse(p).toString()} gives back exactly
 * {@code p}: the level and width have no leading zeroes, N is written in 3-digit groups with every
 * group but the last prefixed by {@code x}, and no group of leading zeroes.
 *
 * <p>Implementation limits: paths of at most {@link #MAX_LENGTH} characters; the tile must fit in
 * a tree of at most 2^63 - 1 entries.
 */
public record TilePath(int level, long index, int width) {
    public static final int ENTRIES = -1;
    public static final int FULL_WIDTH = 256;
    public static final int MAX_LEVEL = 63;
    public static final int MAX_LENGTH = 64;

    public TilePath {
        if (level < ENTRIES || level > MAX_LEVEL) {
            throw new IllegalArgumentException("tile level must be 0 to 63 (or entries), got " + level);
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("tile width must be 1 to 256, got " + width);
        }
        if (index < 0 || index > maxIndex(level)) {
            throw new IllegalArgumentException("tile index " + index + " out of range for level " + level);
        }
    }

    public static TilePath hashes(int level, long index, int width) {
        if (level < 0) {
            throw new IllegalArgumentException("hash tile level must be 0 to 63");
        }
        return new TilePath(level, index, width);
    }

    public static TilePath entries(long index, int width) {
        return new TilePath(ENTRIES, index, width);
    }

    /** The largest tile index at a level whose start index stays below 2^63. */
    static long maxIndex(int level) {
        int shift = 8 * (Math.max(level, 0) + 1);
        return shift >= 63 ? 0 : Long.MAX_VALUE >>> shift;
    }

    public boolean isEntries() {
        return level == ENTRIES;
    }

    public boolean isPartial() {
        return width < FULL_WIDTH;
    }

    /** The level of the tree hashes this tile holds: 0 for entry bundles and level-0 tiles. */
    public int treeLevel() {
        return isEntries() ? 0 : level;
    }

    /** The full tile at the same place. */
    public TilePath full() {
        return new TilePath(level, index, FULL_WIDTH);
    }

    /** Parses a path such as {@code tile/0/x001/234.p/5}, strictly and canonically. */
    public static TilePath parse(String path) throws TileFormatException {
        if (path.length() > MAX_LENGTH || !path.startsWith("tile/")) {
            throw new TileFormatException("not a tile path");
        }
        String rest = path.substring(5);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new TileFormatException("tile path has no index");
        }
        String levelText = rest.substring(0, slash);
        int level = levelText.equals("entries") ? ENTRIES : (int) decimal(levelText, MAX_LEVEL, "level");
        rest = rest.substring(slash + 1);
        int width = FULL_WIDTH;
        int dot = rest.indexOf(".p/");
        if (dot >= 0) {
            width = (int) decimal(rest.substring(dot + 3), FULL_WIDTH - 1, "width");
            if (width == 0) {
                throw new TileFormatException("partial tile width must be 1 to 255");
            }
            rest = rest.substring(0, dot);
        }
        long index = index(rest);
        if (index > maxIndex(level)) {
            throw new TileFormatException("tile index out of range for level " + level);
        }
        return new TilePath(level, index, width);
    }

    private static long index(String s) throws TileFormatException {
        String[] groups = s.split("/", -1);
        long n = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            boolean last = i == groups.length - 1;
            if (!last) {
                if (!g.startsWith("x")) {
                    throw new TileFormatException("tile index groups but the last must start with 'x'");
                }
                g = g.substring(1);
            }
            if (g.length() != 3 || !digits(g)) {
                throw new TileFormatException("tile index groups must be 3 digits");
            }
            if (i == 0 && !last && g.equals("000")) {
                throw new TileFormatException("tile index has a leading zero group");
            }
            if (n > (Long.MAX_VALUE - 999) / 1000) {
                throw new TileFormatException("tile index too large");
            }
            n = n * 1000 + Integer.parseInt(g);
        }
        return n;
    }

    private static long decimal(String s, long max, String what) throws TileFormatException {
        if (s.isEmpty() || s.length() > 3 || !digits(s) || (s.length() > 1 && s.charAt(0) == '0')) {
            throw new TileFormatException("tile " + what + " must be a decimal number without leading zeroes");
        }
        long v = Long.parseLong(s);
        if (v > max) {
            throw new TileFormatException("tile " + what + " " + v + " is above " + max);
        }
        return v;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The path, e.g. {@code tile/0/x001/234.p/5} or {@code tile/entries/000}. */
    @Override
    public String toString() {
        StringBuilder n = new StringBuilder(String.format(Locale.ROOT, "%03d", index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            n.insert(0, String.format(Locale.ROOT, "x%03d/", rest % 1000));
        }
        return "tile/" + (isEntries() ? "entries" : Integer.toString(level)) + "/" + n
                + (isPartial() ? ".p/" + width : "");
    }
}

package dev.virex.auditor.check;

/**
 * Orders software versions ({@code [0-9A-Za-z.+-]}): dot-separated parts from the left, numeric
 * parts numerically, others as text, a part that is a number before one that is not; anything
 * after a {@code +} (build metadata) is ignored, and a {@code -} suffix (pre-release) sorts before
 * the bare version, as in Semantic Versioning.
 */
final class Versions {
    private Versions() {}

    static int compare(String a, String b) {
        String[] x = core(a);
        String[] y = core(b);
        int c = parts(x[0], y[0]);
        if (c != 0) {
            return c;
        }
        if (x[1].isEmpty() || y[1].isEmpty()) {
            return Boolean.compare(x[1].isEmpty(), y[1].isEmpty());
        }
        return parts(x[1], y[1]);
    }

    /** {version, pre-release} without build metadata. */
    private static String[] core(String v) {
        int plus = v.indexOf('+');
        String s = plus < 0 ? v : v.substring(0, plus);
        int dash = s.indexOf('-');
        return dash < 0 ? new String[] {s, ""} : new String[] {s.substring(0, dash), s.substring(dash + 1)};
    }

    private static int parts(String a, String b) {
        String[] x = a.split("\\.", -1);
        String[] y = b.split("\\.", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            if (i >= x.length || i >= y.length) {
                return Integer.compare(x.length, y.length);
            }
            int c = part(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int part(String a, String b) {
        boolean na = a.matches("[0-9]{1,18}");
        boolean nb = b.matches("[0-9]{1,18}");
        if (na && nb) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    }
}

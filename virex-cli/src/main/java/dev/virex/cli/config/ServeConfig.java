package dev.virex.cli.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The configuration file of {@code virex log serve}, {@code virex witness serve} and
 * {@code virex mixnode serve} (docs/spec/deployment.md): the settings the command's flags take,
 * one per line, in the syntax of the node configuration:
 *
 * <pre>
 * virex-log-config/v1            # first line that is neither blank nor a comment: virex-ROLE-config/v1
 * # a comment
 * data /var/lib/virex/log        # KEY VALUE: the flag --KEY with VALUE
 * federation-vkey VKEY           # a repeatable flag's key may appear up to 64 times
 * allow-plain-http yes           # an on/off flag takes yes or no
 * </pre>
 *
 * Keys are lowercase flag names, separated from the value by one space; values are printable ASCII
 * without spaces. Unknown keys, a single key given twice and malformed lines are refused with the
 * line number. Limits: {@link #MAX_BYTES} bytes, {@link #MAX_LINES} lines, {@link #MAX_VALUE}
 * characters per value, {@link #MAX_REPEAT} settings per repeatable key.
 *
 * Two configurations are equal when their settings are, wherever in the file they stood.
 *
 * @param role the role the first line names, e.g. {@code log}
 * @param settings the settings in file order
 */
public record ServeConfig(String role, List<Setting> settings) {
    public static final int MAX_BYTES = 16 * 1024;
    public static final int MAX_LINES = 256;
    public static final int MAX_VALUE = 1024;
    public static final int MAX_REPEAT = 64;
    private static final Pattern ROLE = Pattern.compile("[a-z]{1,16}");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern VALUE = Pattern.compile("[!-~]{1," + MAX_VALUE + "}");

    /** How often a key may appear, and what it takes. */
    public enum Kind {
        /** once, any value */
        ONE,
        /** up to {@link #MAX_REPEAT} times */
        MANY,
        /** once, {@code yes} or {@code no} */
        YES_NO
    }

    /** One setting, with the line it was read from (1-based; 0 for settings not read from a file). */
    public record Setting(String key, String value, int line) {
        public Setting {
            if (!KEY.matcher(key).matches() || !VALUE.matcher(value).matches() || line < 0) {
                throw new IllegalArgumentException("a setting is a lowercase key and a printable value without spaces");
            }
        }
    }

    public ServeConfig {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("a role is 1 to 16 lowercase letters");
        }
        settings = List.copyOf(settings);
    }

    /** The version line of {@code role}'s configuration files. */
    public static String version(String role) {
        return "virex-" + role + "-config/v1";
    }

    /** Parses {@code text} as {@code role}'s configuration whose keys are those of {@code schema}. */
    public static ServeConfig parse(byte[] text, String role, Map<String, Kind> schema) throws ServeConfigException {
        if (text.length > MAX_BYTES) {
            throw new ServeConfigException("longer than " + MAX_BYTES + " bytes");
        }
        String[] lines = new String(text, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length > MAX_LINES) {
            throw new ServeConfigException("more than " + MAX_LINES + " lines");
        }
        List<Setting> out = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        boolean versioned = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + (i + 1) + ": ";
            if (!versioned) {
                if (!line.equals(version(role))) {
                    throw new ServeConfigException(where + "the first line must be " + version(role));
                }
                versioned = true;
                continue;
            }
            int sp = line.indexOf(' ');
            String key = sp < 0 ? line : line.substring(0, sp);
            String value = sp < 0 ? "" : line.substring(sp + 1);
            Kind kind = schema.get(key);
            if (kind == null) {
                throw new ServeConfigException(where + "unknown key '" + clip(key) + "'");
            }
            if (!VALUE.matcher(value).matches()) {
                throw new ServeConfigException(where + key + " needs one value: printable ASCII, no spaces, at most " + MAX_VALUE);
            }
            int n = counts.merge(key, 1, Integer::sum);
            if (n > (kind == Kind.MANY ? MAX_REPEAT : 1)) {
                throw new ServeConfigException(where + key + (kind == Kind.MANY ? " appears more than " + MAX_REPEAT + " times" : " appears twice"));
            }
            if (kind == Kind.YES_NO && !value.equals("yes") && !value.equals("no")) {
                throw new ServeConfigException(where + key + " takes yes or no");
            }
            out.add(new Setting(key, value, i + 1));
        }
        if (!versioned) {
            throw new ServeConfigException("empty configuration: the first line must be " + version(role));
        }
        return new ServeConfig(role, out);
    }

    /** The canonical text: the version line and one line per setting, in order. */
    public String text() {
        StringBuilder sb = new StringBuilder(version(role)).append('\n');
        settings.forEach(s -> sb.append(s.key()).append(' ').append(s.value()).append('\n'));
        return sb.toString();
    }

    /** The settings as key and value, without the lines they came from. */
    public List<Map.Entry<String, String>> entries() {
        return settings.stream().map(s -> Map.entry(s.key(), s.value())).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServeConfig c && c.role.equals(role) && c.entries().equals(entries());
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, entries());
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}

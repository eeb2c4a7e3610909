package dev.virex.core.probe;

/** Reads a fixed sequence of {@code key value} lines after a version line, strictly. */
final class Fields {
    private Fields() {}

    static String[] read(String text, String version, String... keys) throws ProbeFormatException {
        if (text.length() > Probe.MAX_TEXT || !text.endsWith("\n")) {
            throw new ProbeFormatException("probe text must be at most " + Probe.MAX_TEXT + " characters ending in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != keys.length + 1 || !lines[0].equals(version)) {
            throw new ProbeFormatException("expected " + version + " and " + keys.length + " lines");
        }
        String[] out = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            String prefix = keys[i] + " ";
            String line = lines[i + 1];
            if (!line.startsWith(prefix) || line.length() == prefix.length() || line.chars().anyMatch(c -> c < 0x20)) {
                throw new ProbeFormatException("line " + (i + 2) + ": expected '" + keys[i] + " <value>'");
            }
            out[i] = line.substring(prefix.length());
        }
        return out;
    }
}

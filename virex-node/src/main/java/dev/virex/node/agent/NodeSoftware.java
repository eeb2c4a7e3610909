package dev.virex.node.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The VIREX software version this node runs, as it reports it in probe answers (the seed: "must run
 * approved VIREX software"): the build's project version, or {@code 0.0.0-dev} when run from
 * classes without the filtered resource.
 */
public final class NodeSoftware {
    private static final Pattern VERSION_PATTERN = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,63}");
    public static final String VERSION = load();

    private NodeSoftware() {}

    public static boolean isValid(String version) {
        return VERSION_PATTERN.matcher(version).matches();
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = NodeSoftware.class.getResourceAsStream("/dev/virex/node/software.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "0.0.0-dev";
        }
        String v = p.getProperty("version", "0.0.0-dev");
        return isValid(v) ? v : "0.0.0-dev";
    }
}

package dev.virex.node.agent;

import java.util.regex.Pattern;

/**
 * A listen address, {@code host:port} or {@code [v6]:port}: an IP literal or a host name and a
 * port (0 for any free port). Nothing is resolved while parsing.
 */
public record Endpoint(String host, int port) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public Endpoint {
        boolean v6 = host.contains(":");
        if (v6 ? !V6.matcher(host).matches() : !NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("host must be a host name or an IP literal");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
    }

    public static Endpoint parse(String s) throws ConfigFormatException {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || s.length() > 300) {
            throw new ConfigFormatException("address must be HOST:PORT or [IPv6]:PORT, not '" + abbreviate(s) + "'");
        }
        String host = s.substring(0, colon);
        String port = s.substring(colon + 1);
        if (host.startsWith("[") != host.endsWith("]") || (host.contains(":") && !host.startsWith("["))) {
            throw new ConfigFormatException("an IPv6 address goes in brackets: [::1]:7401");
        }
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!port.matches("0|[1-9][0-9]{0,4}")) {
            throw new ConfigFormatException("port must be a decimal number 0 to 65535");
        }
        try {
            return new Endpoint(host, Integer.parseInt(port));
        } catch (IllegalArgumentException e) {
            throw new ConfigFormatException(e.getMessage() + ": '" + abbreviate(s) + "'");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static String abbreviate(String s) {
        String clean = s.replaceAll("[^ -~]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }
}

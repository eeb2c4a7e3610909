package dev.virex.cli.log;

import dev.virex.cli.UserError;

/** A {@code HOST:PORT} listen address; IPv6 hosts in brackets ({@code [::1]:8080}). */
public record HostPort(String host, int port) {
    public static HostPort parse(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new UserError("invalid --listen '" + s + "': expected HOST:PORT, e.g. 127.0.0.1:8080");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new UserError("invalid --listen '" + s + "': write IPv6 addresses in brackets, e.g. [::1]:8080");
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535 || host.isEmpty()) {
            throw new UserError("invalid --listen '" + s + "': the port must be 0 to 65535");
        }
        return new HostPort(host, port);
    }
}

package dev.virex.core.decision;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A node's network address: an IP literal and a port, written {@code 192.0.2.7:4000} or
 * {@code [2001:db8::7]:4000}. Names are not accepted: Sybil limits per subnet need the address
 * the node really has, and every reader must derive the same subnet from the same text.
 */
public record NodeAddress(InetAddress ip, int port) {
    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-f:.]{2,45}");

    public NodeAddress {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535");
        }
    }

    public static NodeAddress parse(String s) throws DecisionFormatException {
        int colon = s.lastIndexOf(':');
        if (colon < 0 || s.length() > 64) {
            throw new DecisionFormatException("address must be IP:PORT or [IPv6]:PORT");
        }
        String host = s.substring(0, colon);
        int port = (int) Lines.number(s.substring(colon + 1), 1, 65535, "port");
        boolean v6 = host.startsWith("[") && host.endsWith("]");
        String literal = v6 ? host.substring(1, host.length() - 1) : host;
        if (v6 ? !V6.matcher(literal).matches() || !literal.contains(":") : !V4.matcher(literal).matches()) {
            throw new DecisionFormatException("address must be an IP literal with port, not '" + Lines.abbreviate(s) + "'");
        }
        try {
            NodeAddress a = new NodeAddress(InetAddress.getByName(literal), port);
            if (!a.toString().equals(s)) {
                throw new DecisionFormatException("address is not in canonical form: " + s + " (expected " + a + ")");
            }
            return a;
        } catch (UnknownHostException e) {
            throw new DecisionFormatException("invalid IP literal in address " + Lines.abbreviate(s));
        }
    }

    /** The subnet used for Sybil limits: /24 for IPv4, /48 for IPv6, as text. */
    public String subnet() {
        byte[] b = ip.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
        }
        return String.format("%02x%02x:%02x%02x:%02x%02x::/48", b[0], b[1], b[2], b[3], b[4], b[5]);
    }

    @Override
    public String toString() {
        String h = ip.getHostAddress();
        if (ip.getAddress().length == 16) {
            h = "[" + compress(ip.getAddress()) + "]";
        }
        return h + ":" + port;
    }

    /** RFC 5952 text form of an IPv6 address (lowercase, longest zero run compressed). */
    static String compress(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            sb.append(Integer.toHexString(g[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}

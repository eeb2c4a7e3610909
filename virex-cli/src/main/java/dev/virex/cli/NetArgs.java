package dev.virex.cli;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Command-line value types: {@code host:port} and short durations ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}). */
public final class NetArgs {
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

    private NetArgs() {}

    /** Parses {@code host:port} ({@code [v6]:port} for IPv6) without resolving the host. */
    public static InetSocketAddress hostPort(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, got '" + s + "'");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + s + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + s + "'");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** Resolves a parsed {@code host:port} (a name lookup unless the host is a literal address). */
    public static InetSocketAddress resolve(InetSocketAddress a) {
        InetSocketAddress r = new InetSocketAddress(a.getHostString(), a.getPort());
        if (r.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve " + a.getHostString());
        }
        return r;
    }

    public static Duration duration(String s) {
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration like 500ms, 10s, 5m or 1h, got '" + s + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** picocli converter for {@link InetSocketAddress} options. */
    public static final class HostPortConverter implements CommandLine.ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String value) {
            return hostPort(value);
        }
    }

    /** picocli converter for {@link Duration} options. */
    public static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return duration(value);
        }
    }

    /** A one-line reason for a network failure (some JDK exceptions carry no message). */
    public static String why(Throwable t) {
        if (t instanceof java.net.ConnectException) {
            return "connection refused" + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
        }
        if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
            return "timed out";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** "1.5 s", "250 ms", "3 min" for people. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f min", ms / 60_000.0);
    }
}

package dev.virex.cli.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

/**
 * Free loopback ports for the services whose URL must be written down before they start (the log
 * and the members, named in federation.json before the DKG, and bound again after it); everything
 * else binds port 0. They are drawn below the system's ephemeral range, so that no outgoing
 * connection or port-0 bind of this or another process takes one between the check and the bind.
 */
final class Ports {
    static final int LOWEST = 15_000;
    static final int DEFAULT_EPHEMERAL_LOW = 32_768;

    private final Set<Integer> given = new HashSet<>();
    private final SecureRandom random = new SecureRandom();
    private final int below = ephemeralLow();

    /** A port that is free now and not handed out before by this instance. */
    int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LOWEST + random.nextInt(below - LOWEST);
            if (given.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                given.add(port);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new DemoFailure("no free loopback port between " + LOWEST + " and " + below + " after 200 attempts");
    }

    /** The low end of the ephemeral port range (Linux: /proc/sys/net/ipv4/ip_local_port_range). */
    static int ephemeralLow() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip().split("\\s+");
            int low = Integer.parseInt(range[0]);
            return low > LOWEST + 1000 ? low : DEFAULT_EPHEMERAL_LOW;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }
}

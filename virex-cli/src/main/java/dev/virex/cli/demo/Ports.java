package dev.virex.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free loopback ports for the services whose URL must be written down before they start (the log
 * and the members, named in federation.json before the DKG). Everything else binds port 0.
 */
final class Ports {
    private final Set<Integer> given = new HashSet<>();

    /** A port that is free now and not handed out before by this instance. */
    int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (given.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free loopback port: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no new free loopback port after 100 attempts");
    }
}

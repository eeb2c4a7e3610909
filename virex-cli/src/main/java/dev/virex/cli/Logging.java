package dev.virex.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log level switches for the command line. */
final class Logging {
    private Logging() {}

    static void debug() {
        if (LoggerFactory.getLogger("dev.virex") instanceof Logger l) {
            l.setLevel(Level.DEBUG);
        }
    }
}

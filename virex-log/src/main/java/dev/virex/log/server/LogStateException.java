package dev.virex.log.server;

import java.io.IOException;

/** The data directory cannot be trusted (damaged, foreign or inconsistent): the log refuses to start. */
public final class LogStateException extends IOException {
    private static final long serialVersionUID = 1L;

    public LogStateException(String message) {
        super(message);
    }

    public LogStateException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.virex.federation.wire;

import java.io.IOException;

/**
 * A call to another member that failed: unreachable ({@link #status()} 0) or refused with an HTTP
 * status and the member's one-line reason.
 */
public final class PeerException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String member;
    private final int status;

    public PeerException(String member, int status, String message) {
        super(message);
        this.member = member;
        this.status = status;
    }

    public String member() {
        return member;
    }

    /** The HTTP status of a refusal; 0 when the member could not be reached. */
    public int status() {
        return status;
    }

    public boolean unreachable() {
        return status == 0 || status == 503;
    }
}

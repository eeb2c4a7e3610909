package dev.virex.federation.decide;

/**
 * A member will not derive or sign a decision, and why; {@link #status()} is the HTTP status a
 * signer answers (403 not approved by this member, 404 unknown subject, 409 conflicts with its
 * state or clock).
 */
public final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    public Refusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static Refusal notApproved(String m) {
        return new Refusal(403, m);
    }

    static Refusal unknown(String m) {
        return new Refusal(404, m);
    }

    static Refusal conflict(String m) {
        return new Refusal(409, m);
    }
}

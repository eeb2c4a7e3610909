package dev.virex.federation.store;

/** The member's database failed (I/O, corruption, a failed migration). Unrecoverable for the request at hand. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

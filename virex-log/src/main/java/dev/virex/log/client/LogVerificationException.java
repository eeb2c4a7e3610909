package dev.virex.log.client;

/**
 * A log served something that does not verify: a checkpoint whose signature or origin is wrong,
 * or tiles, bundles or proofs that do not match its signed root. Unlike a
 * {@link SplitViewException} this proves nothing about the log's history (a cache or mirror may be
 * at fault), but nothing from that answer may be used.
 */
public final class LogVerificationException extends Exception {
    private static final long serialVersionUID = 1L;

    public LogVerificationException(String message) {
        super(message);
    }

    public LogVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}

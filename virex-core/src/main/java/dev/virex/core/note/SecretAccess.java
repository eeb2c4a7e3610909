package dev.virex.core.note;

/**
 * A token that code must hold to read secret key material. Passing it makes every place that
 * touches a secret visible in a code search for {@code SecretAccess.grant()}.
 */
public final class SecretAccess {
    private static final SecretAccess INSTANCE = new SecretAccess();

    private SecretAccess() {}

    /** Call only where secret bytes must leave the key object: key files, threshold shares. */
    public static SecretAccess grant() {
        return INSTANCE;
    }
}

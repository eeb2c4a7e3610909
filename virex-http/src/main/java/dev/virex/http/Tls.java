package dev.virex.http;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.List;

/**
 * A service's TLS identity: an operator-provided PEM certificate chain (leaf first) and its PKCS#8
 * private key. Loaded once at start, so a bad file fails the start with a clear message.
 */
public record Tls(Path certificateChain, Path privateKey) {
    static final char[] STORE_PASSWORD = "virex-in-memory".toCharArray();

    /** An in-memory key store holding the key and chain, for the server's TLS context. */
    public KeyStore keyStore() throws IOException {
        List<Certificate> chain = Pem.certificates(certificateChain);
        PrivateKey key = Pem.privateKey(privateKey);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("virex", key, STORE_PASSWORD, chain.toArray(Certificate[]::new));
            return ks;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS key " + privateKey + " does not fit certificate " + certificateChain + ": " + e.getMessage(), e);
        }
    }
}

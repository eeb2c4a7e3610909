package dev.virex.http;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How a client verifies a service's TLS certificate: against the system's trust anchors, or
 * instead against the CA certificates of a PEM file; optionally also pinned: the server's key must
 * then be one of the pinned keys (each the base64 of SHA-256 over the leaf's SubjectPublicKeyInfo,
 * as RFC 7469 defines pins). Host names are always checked by the JDK client.
 */
public record ClientTls(Optional<Path> trustedCertificates, Set<String> pinnedKeys) {
    /** Cap on the pins of one client: one per service it calls is plenty. */
    public static final int MAX_PINS = 64;

    public ClientTls {
        pinnedKeys = Set.copyOf(new TreeSet<>(pinnedKeys));
        if (pinnedKeys.size() > MAX_PINS) {
            throw new IllegalArgumentException("at most " + MAX_PINS + " key pins");
        }
        for (String pin : pinnedKeys) {
            requirePin(pin);
        }
    }

    /** One optional pin, as the flags of a client of one service give it. */
    public ClientTls(Optional<Path> trustedCertificates, Optional<String> pinnedKeySha256) {
        this(trustedCertificates, pinnedKeySha256.map(Set::of).orElse(Set.of()));
    }

    public static ClientTls system() {
        return new ClientTls(Optional.empty(), Set.of());
    }

    /** True for the system's trust anchors without pins: what a client without TLS settings uses. */
    public boolean isSystem() {
        return trustedCertificates.isEmpty() && pinnedKeys.isEmpty();
    }

    /** Checks that {@code pin} is the canonical base64 of 32 bytes (a SHA-256 digest). */
    public static String requirePin(String pin) {
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(pin);
        } catch (IllegalArgumentException e) {
            digest = new byte[0];
        }
        if (digest.length != 32 || !Base64.getEncoder().encodeToString(digest).equals(pin)) {
            throw new IllegalArgumentException("a key pin is the base64 SHA-256 of the server's SubjectPublicKeyInfo (44 characters), not '"
                    + (pin.length() > 60 ? pin.substring(0, 60) + "..." : pin) + "'");
        }
        return pin;
    }

    public SSLContext sslContext() throws IOException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustedCertificates.isPresent()) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                List<Certificate> certs = Pem.certificates(trustedCertificates.get());
                for (int i = 0; i < certs.size(); i++) {
                    ks.setCertificateEntry("ca" + i, certs.get(i));
                }
                tmf.init(ks);
            } else {
                tmf.init((KeyStore) null);
            }
            X509TrustManager base = (X509TrustManager) tmf.getTrustManagers()[0];
            TrustManager tm = pinnedKeys.isEmpty() ? base : new Pinned(base, pinnedKeys);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    /** The pin of a certificate: base64 SHA-256 of its SubjectPublicKeyInfo. */
    public static String pinOf(X509Certificate cert) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Pinned(X509TrustManager base, Set<String> pins) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            base.checkServerTrusted(chain, authType);
            if (!pins.contains(pinOf(chain[0]))) {
                throw new CertificateException("server key " + pinOf(chain[0]) + " is not one of the pinned keys");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            base.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return base.getAcceptedIssuers();
        }
    }
}

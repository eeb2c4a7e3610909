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
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How a client verifies a service's TLS certificate: against the system's trust anchors, or the CA
 * certificates of a PEM file; optionally also pinned to the SHA-256 of the server's public key
 * (base64 of SHA-256 over the leaf's SubjectPublicKeyInfo, as HPKP defined it). Host names are
 * always checked by the JDK client.
 */
public record ClientTls(Optional<Path> trustedCertificates, Optional<String> pinnedKeySha256) {
    public static ClientTls system() {
        return new ClientTls(Optional.empty(), Optional.empty());
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
            TrustManager tm = pinnedKeySha256.isEmpty() ? base : new Pinned(base, pinnedKeySha256.get());
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

    private record Pinned(X509TrustManager base, String pin) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            base.checkServerTrusted(chain, authType);
            if (!pinOf(chain[0]).equals(pin)) {
                throw new CertificateException("server key does not match the pinned key " + pin);
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

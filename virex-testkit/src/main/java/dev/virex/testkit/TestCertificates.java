package dev.virex.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small private certificate authority for tests, made with the JDK's keytool the way an operator
 * makes one with openssl (docs/OPERATIONS.md): a CA certificate, and server certificates for
 * 127.0.0.1 and localhost signed by it, written as PEM files (chain leaf first; keys as PKCS#8).
 */
public final class TestCertificates {
    private static final String PASS = "changeit";
    private final Path dir;
    private final Path caStore;
    private final Path caPem;

    /** A server certificate: its PEM chain (leaf, CA), its PKCS#8 PEM key, and its key pin. */
    public record Leaf(Path certificate, Path key, String pin) {}

    private TestCertificates(Path dir, Path caStore, Path caPem) {
        this.dir = dir;
        this.caStore = caStore;
        this.caPem = caPem;
    }

    /** Makes a new CA in {@code dir} and writes its certificate to {@code dir/ca.pem}. */
    public static TestCertificates create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path store = dir.resolve("ca.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=VIREX test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASS,
                "-keypass", PASS);
        try {
            X509Certificate ca = (X509Certificate) load(store).getCertificate("ca");
            Path pem = Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", encoded(ca)));
            return new TestCertificates(dir, store, pem);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the CA keytool made: " + e.getMessage(), e);
        }
    }

    /** The CA certificate (PEM): the trust anchor clients are given. */
    public Path caPem() {
        return caPem;
    }

    /** A new server key and certificate signed by the CA, as {@code name.crt.pem} and {@code name.key.pem}. */
    public Leaf leaf(String name) throws IOException {
        Path store = dir.resolve(name + ".p12");
        Path csr = dir.resolve(name + ".csr");
        Path crt = dir.resolve(name + ".crt");
        keytool("-genkeypair", "-alias", "leaf", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASS, "-keypass", PASS);
        keytool("-certreq", "-alias", "leaf", "-keystore", store.toString(), "-storepass", PASS, "-file", csr.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", PASS, "-infile", csr.toString(),
                "-outfile", crt.toString(), "-rfc", "-validity", "1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-ext", "eku=serverAuth");
        try (InputStream in = Files.newInputStream(crt)) {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore ks = load(store);
            Path certificate = Files.writeString(dir.resolve(name + ".crt.pem"),
                    pem("CERTIFICATE", encoded(leaf)) + Files.readString(caPem));
            Path key = Files.writeString(dir.resolve(name + ".key.pem"),
                    pem("PRIVATE KEY", ks.getKey("leaf", PASS.toCharArray()).getEncoded()));
            String pin = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(leaf.getPublicKey().getEncoded()));
            return new Leaf(certificate, key, pin);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the certificate keytool made: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path store) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASS.toCharArray());
            return ks;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static byte[] encoded(X509Certificate c) throws IOException {
        try {
            return c.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String pem(String label, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
    }

    private static void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool " + args[0] + " failed: " + new String(out, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}

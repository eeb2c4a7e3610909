package dev.virex.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads operator-provided PEM files (RFC 7468): X.509 certificate chains and PKCS#8 private keys
 * (EC, RSA or Ed25519). Files are size-capped; errors say what to do.
 */
public final class Pem {
    static final int MAX_BYTES = 256 * 1024;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private Pem() {}

    public static List<Certificate> certificates(Path file) throws IOException {
        List<Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(file)) {
                if (b.label().equals("CERTIFICATE")) {
                    out.add(cf.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": not a valid X.509 certificate: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no '-----BEGIN CERTIFICATE-----' block");
        }
        return out;
    }

    public static PrivateKey privateKey(Path file) throws IOException {
        for (Block b : blocks(file)) {
            if (b.label().equals("PRIVATE KEY")) {
                for (String alg : new String[] {"EC", "RSA", "Ed25519"}) {
                    try {
                        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(b.der()));
                    } catch (GeneralSecurityException e) {
                        // try the next algorithm
                    }
                }
                throw new IOException(file + ": PKCS#8 key of an unsupported algorithm (use EC, RSA or Ed25519)");
            }
            if (b.label().endsWith("PRIVATE KEY")) {
                throw new IOException(file + ": '" + b.label() + "' keys are not read; convert with "
                        + "'openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem'");
            }
        }
        throw new IOException(file + ": no '-----BEGIN PRIVATE KEY-----' block");
    }

    /** PEM text of DER bytes, for tests and tools that write PEM files. */
    public static String encode(String label, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
    }

    private record Block(String label, byte[] der) {}

    private static List<Block> blocks(Path file) throws IOException {
        byte[] data;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException(file + " is larger than " + MAX_BYTES + " bytes; not a PEM file");
            }
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " does not exist", e);
        }
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(new String(data, StandardCharsets.US_ASCII));
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": bad base64 in a PEM block", e);
            }
        }
        return out;
    }
}

package io.quarterdeck.adapters.docker;

import com.github.dockerjava.transport.SSLConfig;
import io.quarterdeck.domain.containers.EngineEndpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS to a Docker Engine from three PEM files, with the JDK alone (docker-java's own reader needs the Bouncy Castle
 * provider registered process-wide): the engine's CA, trusted alone; our certificate (chain) and its private key,
 * PKCS#8 ({@code PRIVATE KEY}, RSA or EC) or PKCS#1 ({@code RSA PRIVATE KEY}, as {@code openssl genrsa} and
 * Docker's own guide write it).
 */
final class PemSslConfig implements SSLConfig {
    private static final char[] PASSWORD = "docker".toCharArray();
    private final EngineEndpoint.Tls tls;

    PemSslConfig(EngineEndpoint.Tls tls) {
        this.tls = tls;
    }

    @Override
    public SSLContext getSSLContext() {
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : x509.generateCertificates(new ByteArrayInputStream(read(tls.caPath())))) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            List<? extends Certificate> chain = List.copyOf(
                    x509.generateCertificates(new ByteArrayInputStream(read(tls.certPath()))));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", privateKey(new String(read(tls.keyPath()), StandardCharsets.US_ASCII)),
                    PASSWORD, chain.toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the TLS material of the engine: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        byte[] der;
        if (pem.contains("-----BEGIN PRIVATE KEY-----")) {
            der = body(pem, "PRIVATE KEY");
        } else if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            der = pkcs1ToPkcs8(body(pem, "RSA PRIVATE KEY"));
        } else {
            throw new GeneralSecurityException("the key file holds no PRIVATE KEY or RSA PRIVATE KEY (unencrypted)");
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("the private key is neither RSA nor EC");
    }

    private static byte[] body(String pem, String type) {
        int start = pem.indexOf("-----BEGIN " + type + "-----") + ("-----BEGIN " + type + "-----").length();
        int end = pem.indexOf("-----END " + type + "-----", start);
        return Base64.getMimeDecoder().decode(pem.substring(start, end));
    }

    /** PrivateKeyInfo { version 0, AlgorithmIdentifier { rsaEncryption, NULL }, OCTET STRING { RSAPrivateKey } }. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
            0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        octets.write(0x04);
        writeLength(octets, pkcs1.length);
        octets.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, version.length + algorithm.length + octets.size());
        out.writeBytes(version);
        out.writeBytes(algorithm);
        out.writeBytes(octets.toByteArray());
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
    }

    private static byte[] read(String path) throws IOException {
        return Files.readAllBytes(Path.of(path));
    }
}

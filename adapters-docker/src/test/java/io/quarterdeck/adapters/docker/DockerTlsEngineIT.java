package io.quarterdeck.adapters.docker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.domain.containers.EngineEndpoint;
import io.quarterdeck.domain.containers.EngineUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code tcp://} engine with TLS, as {@code dockerd --tlsverify} serves it: a mutual-TLS listener in this test
 * (a CA, a server certificate for 127.0.0.1, a client certificate, all generated here) relays to the real
 * dockerd's unix socket. The adapter must trust that CA alone and present the client certificate.
 */
class DockerTlsEngineIT {
    private static DockerEngines engines;

    @BeforeAll
    static void open() {
        engines = new DockerEngines(DockerSettings.defaults());
    }

    @AfterAll
    static void close() {
        engines.closeAll();
    }

    @Test
    void a_tls_engine_answers_with_the_right_material_and_is_unavailable_with_a_foreign_ca(@TempDir Path dir)
            throws Exception {
        KeyPair caKeys = rsa();
        X509Certificate ca = certificate("CN=qd18 test CA", caKeys, "CN=qd18 test CA", caKeys, true, false);
        KeyPair serverKeys = rsa();
        X509Certificate server = certificate("CN=127.0.0.1", serverKeys, "CN=qd18 test CA", caKeys, false, true);
        KeyPair clientKeys = rsa();
        X509Certificate client = certificate("CN=quarterdeck", clientKeys, "CN=qd18 test CA", caKeys, false, false);
        Path caPem = pem(dir.resolve("ca.pem"), ca);
        Path certPem = pem(dir.resolve("cert.pem"), client);
        Path keyPem = pem(dir.resolve("key.pem"), clientKeys.getPrivate());

        try (TlsRelay relay = new TlsRelay(ca, server, serverKeys)) {
            String url = "tcp://127.0.0.1:" + relay.port();
            var engine = engines.of("tls-18", new EngineEndpoint(url, new EngineEndpoint.Tls(caPem.toString(),
                    certPem.toString(), keyPem.toString())));
            assertTrue(engine.ping() >= 0);
            assertTrue(engine.containers().stream().allMatch(c -> !c.id().isEmpty()), "the list answers over TLS");

            KeyPair otherKeys = rsa();
            X509Certificate otherCa = certificate("CN=other CA", otherKeys, "CN=other CA", otherKeys, true, false);
            Path otherPem = pem(dir.resolve("other-ca.pem"), otherCa);
            var distrusting = engines.of("tls-18-b", new EngineEndpoint(url.replace("127.0.0.1", "localhost"),
                    new EngineEndpoint.Tls(otherPem.toString(), certPem.toString(), keyPem.toString())));
            assertThrows(EngineUnavailableException.class, distrusting::ping,
                    "a server certificate from a CA that is not the given one is refused");
        }
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                               boolean isCa, boolean forLocalhost) throws Exception {
        long now = System.currentTimeMillis();
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(now),
                new Date(now - 60_000), new Date(now + 3_600_000), new X500Name(subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (forLocalhost) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static Path pem(Path file, Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o);
        }
        return Files.writeString(file, w.toString());
    }

    /** Mutual TLS on 127.0.0.1, relayed in the clear to dockerd's unix socket. */
    private static final class TlsRelay implements AutoCloseable {
        private final SSLServerSocket server;

        TlsRelay(X509Certificate ca, X509Certificate cert, KeyPair keys) throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", keys.getPrivate(), "pw".toCharArray(), new X509Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "pw".toCharArray());
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getByName("127.0.0.1"));
            server.setNeedClientAuth(true);
            Thread accept = new Thread(this::accept, "tls-relay-accept");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    SSLSocket client = (SSLSocket) server.accept();
                    SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                    engine.connect(UnixDomainSocketAddress.of("/var/run/docker.sock"));
                    // the channel's own read and write (Channels' streams would share one lock: a blocked read stops
                    // every write)
                    pump(client.getInputStream(), (b, off, n) -> engine.write(ByteBuffer.wrap(b, off, n)), client, engine);
                    pump((b) -> engine.read(ByteBuffer.wrap(b)), (b, off, n) -> {
                        client.getOutputStream().write(b, off, n);
                        client.getOutputStream().flush();
                    }, client, engine);
                } catch (IOException e) {
                    return;
                }
            }
        }

        interface Source {
            int read(byte[] buffer) throws IOException;
        }

        interface Sink {
            void write(byte[] buffer, int offset, int length) throws IOException;
        }

        private static void pump(InputStream in, Sink out, java.io.Closeable a, java.io.Closeable b) {
            pump((Source) in::read, out, a, b);
        }

        private static void pump(Source in, Sink out, java.io.Closeable a, java.io.Closeable b) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        out.write(buffer, 0, n);
                    }
                } catch (IOException e) {
                    // one side closed (or the handshake failed)
                } finally {
                    try {
                        a.close();
                        b.close();
                    } catch (IOException e) {
                        // closing
                    }
                }
            }, "tls-relay-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}

package io.quarterdeck.adapters.messaging.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.out.notifications.NotificationFailedException;
import io.quarterdeck.application.port.out.notifications.NotificationMessage;
import io.quarterdeck.domain.alerting.ChannelType;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e-mail channel's STARTTLS for real: a key pair made by the JDK's keytool for this run, an SMTP server
 * ({@link StartTlsSmtpServer}) that upgrades the connection on STARTTLS and takes the password and the mail only over
 * TLS, and the production sender with its defaults (STARTTLS required). The client trusts the test's certificate
 * through the default SSL context, which is restored afterwards.
 */
class StartTlsEmailTest {
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static SSLContext previousDefault;
    private static SSLContext serverTls;

    @BeforeAll
    static void keyPairAndTrust(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("smtp.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "smtp", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg",
                "SHA256withECDSA", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity",
                "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass",
                "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("smtp", ks.getCertificate("smtp"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        previousDefault = SSLContext.getDefault();
        SSLContext.setDefault(client);
    }

    @AfterAll
    static void restore() {
        if (previousDefault != null) {
            SSLContext.setDefault(previousDefault);
        }
    }

    private final ChannelNotificationSender sender = new ChannelNotificationSender(
            new NotificationSettings(Duration.ofSeconds(5), "http://127.0.0.1:1"));
    private final NotificationMessage message = new NotificationMessage("ntf-tls", "firing", "critical",
            "[FIRING] Disk almost full", "Disk almost full is firing: disk_percent > 90 (value 93, threshold 90)",
            "alert-7", "rule-7", 93, 90, Instant.parse("2026-12-02T10:00:00Z"));

    @Test
    void theMailAndThePasswordTravelOnlyAfterTheStartTlsHandshake() throws Exception {
        try (StartTlsSmtpServer smtp = new StartTlsSmtpServer(serverTls, "alerts", "pw-tls")) {
            Map<String, String> config = Map.of("smtp_host", "127.0.0.1", "smtp_port", Integer.toString(smtp.port()),
                    "from", "alerts@quarterdeck.test", "to", "oncall@example.org", "username", "alerts");
            sender.send(ChannelType.EMAIL, config, Map.of("password", "pw-tls"), message);

            assertEquals(1, smtp.received.size());
            StartTlsSmtpServer.Received mail = smtp.received.get(0);
            assertTrue(mail.tlsProtocol().startsWith("TLSv1."), mail.tlsProtocol());
            assertEquals("alerts", mail.authenticatedUser());
            assertEquals("<alerts@quarterdeck.test>", mail.from());
            assertEquals(List.of("<oncall@example.org>"), mail.to());
            assertTrue(mail.data().contains("Subject: [Quarterdeck] [FIRING] Disk almost full"), mail.data());
            assertEquals(List.of("EHLO", "STARTTLS"), smtp.commandsInClear,
                    "nothing but the greeting and the upgrade in the clear");
            assertFalse(smtp.commandsInClear.contains("AUTH"));

            NotificationFailedException wrong = assertThrows(NotificationFailedException.class, () -> sender.send(
                    ChannelType.EMAIL, config, Map.of("password", "wrong"), message));
            assertTrue(wrong.getMessage().startsWith("smtp 127.0.0.1"), wrong.getMessage());
            assertEquals(1, smtp.received.size(), "a rejected login sends nothing");
        }
    }
}

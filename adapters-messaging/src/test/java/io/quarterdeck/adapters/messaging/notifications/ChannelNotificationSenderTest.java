package io.quarterdeck.adapters.messaging.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarterdeck.application.port.out.notifications.NotificationFailedException;
import io.quarterdeck.application.port.out.notifications.NotificationMessage;
import io.quarterdeck.domain.alerting.ChannelType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each channel against a local server speaking its wire format: HTTP servers that answer as a webhook receiver, Slack
 * and the Telegram Bot API do, and GreenMail, a real SMTP server, for e-mail.
 */
class ChannelNotificationSenderTest {
    record Received(String path, Map<String, List<String>> headers, String body) {
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "ok";
    private String base;
    private final ChannelNotificationSender sender = new ChannelNotificationSender(
            new NotificationSettings(Duration.ofSeconds(5), "http://127.0.0.1:1"));
    private final NotificationMessage message = new NotificationMessage("ntf-1", "firing", "critical",
            "[FIRING] Too many errors", "Too many errors is firing: error_count > 5 in 1m (value 6, threshold 5)",
            "alert-1", "rule-1", 6, 5, Instant.parse("2026-12-02T10:00:00Z"));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void webhookPostsTheAlertSignedWithTheSecret() {
        sender.send(ChannelType.WEBHOOK, Map.of("url", base + "/hooks/quarterdeck"), Map.of("secret", "s3cret-17"),
                message);
        assertEquals(1, received.size());
        Received r = received.get(0);
        assertEquals("/hooks/quarterdeck", r.path());
        JsonObject o = json(r.body());
        assertEquals("alert.firing", o.getString("event"));
        assertEquals("critical", o.getString("severity"));
        assertEquals("alert-1", o.getString("alert_id"));
        assertEquals(6, o.getJsonNumber("value").intValue());
        String timestamp = r.headers().get("X-quarterdeck-timestamp").get(0);
        String signature = r.headers().get("X-quarterdeck-signature").get(0);
        assertEquals("sha256=" + WebhookPayload.signature("s3cret-17", Long.parseLong(timestamp), r.body()),
                signature);
        assertTrue(!signature.equals("sha256=" + WebhookPayload.signature("other", Long.parseLong(timestamp),
                r.body())), "the signature depends on the secret");
    }

    @Test
    void aRefusingReceiverIsAFailureWithTheReason() {
        status = 500;
        answer = "database on fire";
        NotificationFailedException e = assertThrows(NotificationFailedException.class, () -> sender.send(
                ChannelType.WEBHOOK, Map.of("url", base + "/h"), Map.of("secret", "x"), message));
        assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains("database on fire"),
                e.getMessage());
        server.stop(0);
        NotificationFailedException down = assertThrows(NotificationFailedException.class, () -> sender.send(
                ChannelType.WEBHOOK, Map.of("url", base + "/h"), Map.of("secret", "x"), message));
        assertTrue(down.getMessage().contains("unreachable"), down.getMessage());
    }

    @Test
    void slackGetsAnIncomingWebhookPayload() {
        sender.send(ChannelType.SLACK, Map.of("channel", "#alerts"),
                Map.of("webhook_url", base + "/services/T000/B000/XXXX"), message);
        Received r = received.get(0);
        assertEquals("/services/T000/B000/XXXX", r.path());
        JsonObject o = json(r.body());
        assertTrue(o.getString("text").contains("Too many errors"));
        assertEquals("#alerts", o.getString("channel"));
        assertEquals("danger", o.getJsonArray("attachments").getJsonObject(0).getString("color"));
    }

    @Test
    void telegramCallsSendMessageUnderTheConfiguredBaseUrl() {
        answer = "{\"ok\":true,\"result\":{\"message_id\":7}}";
        sender.send(ChannelType.TELEGRAM, Map.of("chat_id", "-100123", "base_url", base + "/"),
                Map.of("bot_token", "123456:ABC-DEF"), message);
        Received r = received.get(0);
        assertEquals("/bot123456:ABC-DEF/sendMessage", r.path());
        JsonObject o = json(r.body());
        assertEquals("-100123", o.getString("chat_id"));
        assertTrue(o.getString("text").startsWith("[FIRING] Too many errors"));

        answer = "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}";
        NotificationFailedException e = assertThrows(NotificationFailedException.class, () -> sender.send(
                ChannelType.TELEGRAM, Map.of("chat_id", "1", "base_url", base), Map.of("bot_token", "t"), message));
        assertTrue(e.getMessage().contains("chat not found"), e.getMessage());
    }

    @Test
    void emailReachesARealSmtpServerAndStartTlsIsRequiredByDefault() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            int port = smtp.getSmtp().getPort();
            smtp.setUser("alerts@quarterdeck.test", "alerts", "pw-17");
            Map<String, String> config = Map.of("smtp_host", "127.0.0.1", "smtp_port", Integer.toString(port),
                    "from", "alerts@quarterdeck.test", "to", "oncall@example.org, lead@example.org",
                    "username", "alerts");
            // GreenMail offers no STARTTLS: the default refuses to send the password and the message in the clear.
            NotificationFailedException refused = assertThrows(NotificationFailedException.class,
                    () -> sender.send(ChannelType.EMAIL, config, Map.of("password", "pw-17"), message));
            assertTrue(refused.getMessage().toLowerCase().contains("starttls"), refused.getMessage());
            assertEquals(0, smtp.getReceivedMessages().length);

            Map<String, String> plain = new java.util.HashMap<>(config);
            plain.put("starttls", "false");
            sender.send(ChannelType.EMAIL, plain, Map.of("password", "pw-17"), message);
            assertTrue(smtp.waitForIncomingEmail(5_000, 2));
            MimeMessage got = smtp.getReceivedMessages()[0];
            assertEquals("[Quarterdeck] [FIRING] Too many errors", got.getSubject());
            assertTrue(((String) got.getContent()).contains("error_count > 5 in 1m"));

            assertThrows(NotificationFailedException.class, () -> sender.send(ChannelType.EMAIL, plain,
                    Map.of("password", "wrong"), message), "a wrong password is a failure");
        } finally {
            smtp.stop();
        }
    }
}

package io.quarterdeck.adapters.messaging.notifications;

import io.quarterdeck.application.port.out.notifications.NotificationMessage;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's JSON document and its signature: hex HMAC-SHA256 under the channel's secret of
 * {@code <X-Quarterdeck-Timestamp>.<body>}, sent as {@code X-Quarterdeck-Signature: sha256=<hex>}.
 */
public final class WebhookPayload {
    private WebhookPayload() {
    }

    static String json(NotificationMessage m) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", m.id())
                .add("event", "alert." + m.kind())
                .add("kind", m.kind())
                .add("status", m.kind().equals("resolved") ? "resolved" : m.kind().equals("test") ? "test" : "firing")
                .add("severity", m.severity() == null ? "info" : m.severity())
                .add("title", m.title())
                .add("text", m.text())
                .add("value", m.value())
                .add("threshold", m.threshold())
                .add("timestamp", m.at().toString());
        if (m.alertId() != null) {
            o.add("alert_id", m.alertId());
        }
        if (m.ruleId() != null) {
            o.add("rule_id", m.ruleId());
        }
        return o.build().toString();
    }

    /** The hex signature a receiver recomputes to verify a delivery. */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

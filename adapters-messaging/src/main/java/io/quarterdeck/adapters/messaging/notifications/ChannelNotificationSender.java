package io.quarterdeck.adapters.messaging.notifications;

import io.quarterdeck.application.port.out.notifications.NotificationFailedException;
import io.quarterdeck.application.port.out.notifications.NotificationMessage;
import io.quarterdeck.application.port.out.notifications.NotificationSender;
import io.quarterdeck.domain.alerting.ChannelType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends over the channel's type. One HTTP client for all HTTP channels, created once; an answer other than 2xx, a
 * refused connection or a timeout is a {@link NotificationFailedException} with the reason (the HTTP status and the
 * start of the answer), which the dispatcher records and retries.
 */
@ApplicationScoped
public class ChannelNotificationSender implements NotificationSender {
    private final NotificationSettings settings;
    private final HttpClient http;

    @Inject
    public ChannelNotificationSender(NotificationSettings settings) {
        this.settings = settings;
        this.http = settings == null ? null : HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** For CDI proxies only. */
    protected ChannelNotificationSender() {
        this(null);
    }

    @Override
    public void send(ChannelType type, Map<String, String> config, Map<String, String> secrets,
                     NotificationMessage message) {
        switch (type) {
            case WEBHOOK -> webhook(config, secrets, message);
            case SLACK -> slack(config, secrets, message);
            case TELEGRAM -> telegram(config, secrets, message);
            case EMAIL -> SmtpMail.send(config, secrets, message, settings.timeout());
        }
    }

    private void webhook(Map<String, String> config, Map<String, String> secrets, NotificationMessage m) {
        String body = WebhookPayload.json(m);
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest.Builder r = post(config.get("url"), body)
                .header("X-Quarterdeck-Event", "alert." + m.kind())
                .header("X-Quarterdeck-Delivery", m.id())
                .header("X-Quarterdeck-Timestamp", Long.toString(timestamp));
        String secret = secrets.get("secret");
        if (secret != null) {
            r.header("X-Quarterdeck-Signature", "sha256=" + WebhookPayload.signature(secret, timestamp, body));
        }
        exchange("webhook", r, null);
    }

    private void slack(Map<String, String> config, Map<String, String> secrets, NotificationMessage m) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("text", m.title() + "\n" + m.text())
                .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("color", color(m))
                        .add("title", m.title())
                        .add("text", m.text())
                        .add("fields", Json.createArrayBuilder()
                                .add(field("Severity", m.severity()))
                                .add(field("Status", m.kind())))));
        if (config.get("channel") != null) {
            o.add("channel", config.get("channel"));
        }
        if (config.get("username") != null) {
            o.add("username", config.get("username"));
        }
        exchange("slack", post(secrets.get("webhook_url"), o.build().toString()), null);
    }

    private static JsonObjectBuilder field(String title, String value) {
        return Json.createObjectBuilder().add("title", title).add("value", value == null ? "" : value)
                .add("short", true);
    }

    private static String color(NotificationMessage m) {
        if (m.kind().equals("resolved")) {
            return "good";
        }
        return "critical".equals(m.severity()) ? "danger" : "warning".equals(m.severity()) ? "warning" : "#439FE0";
    }

    private void telegram(Map<String, String> config, Map<String, String> secrets, NotificationMessage m) {
        String base = config.get("base_url") != null ? config.get("base_url").replaceAll("/+$", "")
                : settings.telegramBaseUrl();
        String url = base + "/bot" + URLEncoder.encode(secrets.get("bot_token"), StandardCharsets.UTF_8)
                + "/sendMessage";
        String body = Json.createObjectBuilder()
                .add("chat_id", config.get("chat_id"))
                .add("text", m.title() + "\n" + m.text())
                .add("disable_web_page_preview", true)
                .build().toString();
        exchange("telegram", post(url, body), answer -> {
            try (JsonReader r = Json.createReader(new StringReader(answer))) {
                JsonObject o = r.readObject();
                if (!o.getBoolean("ok", false)) {
                    throw new NotificationFailedException("telegram refused: " + o.getString("description", answer));
                }
            } catch (RuntimeException e) {
                if (e instanceof NotificationFailedException) {
                    throw e;
                }
                throw new NotificationFailedException("telegram answered something other than its JSON: "
                        + head(answer));
            }
        });
    }

    private HttpRequest.Builder post(String url, String body) {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Quarterdeck-Notifications/1")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new NotificationFailedException("bad URL: " + e.getMessage());
        }
    }

    private void exchange(String channel, HttpRequest.Builder request, java.util.function.Consumer<String> check) {
        HttpResponse<String> r;
        try {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NotificationFailedException(channel + " unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException(channel + ": interrupted", e);
        }
        if (r.statusCode() / 100 != 2) {
            throw new NotificationFailedException(channel + " answered HTTP " + r.statusCode() + ": "
                    + head(r.body()));
        }
        if (check != null) {
            check.accept(r.body());
        }
    }

    private static String head(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}

package io.quarterdeck.domain.alerting;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where notifications go. {@code settings} are shown to admins; {@code secrets} hold the plain secrets only while
 * the channel is in memory (the application seals them before storing, and restores them from storage only to send);
 * {@code secretPreviews} are what the API shows instead.
 */
public record NotificationChannel(String id, String name, ChannelType type, boolean enabled,
                                  Map<String, String> settings, Map<String, String> secretPreviews,
                                  Instant createdAt, Instant updatedAt, Instant lastTest, String lastTestStatus) {
    public NotificationChannel {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidFieldException("name", "is required, at most 100 characters");
        }
        Objects.requireNonNull(type, "type");
        settings = Map.copyOf(settings);
        secretPreviews = Map.copyOf(secretPreviews);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * Checks a channel's settings and secrets together: every required one present, no unknown key, URLs absolute
     * http(s), e-mail addresses plausible, the port a port. Field names in errors are {@code config.<key>}.
     */
    public static void validate(ChannelType type, Map<String, String> settings, Map<String, String> secrets) {
        for (String key : settings.keySet()) {
            if (!type.isKnown(key) || type.isSecret(key)) {
                throw new InvalidFieldException("config." + key, "is not a setting of a " + type.wireName()
                        + " channel");
            }
        }
        for (String key : type.required()) {
            if (blank(settings.get(key))) {
                throw new InvalidFieldException("config." + key, "is required for a " + type.wireName() + " channel");
            }
        }
        for (String key : type.requiredSecrets()) {
            if (blank(secrets.get(key))) {
                throw new InvalidFieldException("config." + key, "is required for a " + type.wireName() + " channel");
            }
        }
        Map<String, String> all = new TreeMap<>(settings);
        all.putAll(secrets);
        all.forEach((key, value) -> {
            if (value != null && value.length() > 2_000) {
                throw new InvalidFieldException("config." + key, "must be at most 2000 characters");
            }
            if (value != null && type.isUrl(key)) {
                url("config." + key, value);
            }
        });
        if (type == ChannelType.EMAIL) {
            for (String to : settings.get("to").split(",")) {
                email("config.to", to.strip());
            }
            email("config.from", settings.get("from"));
            String port = settings.get("smtp_port");
            if (port != null && !port.matches("\\d{1,5}") || port != null && Integer.parseInt(port) > 65_535) {
                throw new InvalidFieldException("config.smtp_port", "must be a port number");
            }
            String tls = settings.get("starttls");
            if (tls != null && !tls.equals("true") && !tls.equals("false")) {
                throw new InvalidFieldException("config.starttls", "must be true or false");
            }
        }
    }

    private static void url(String field, String value) {
        try {
            URI u = new URI(value);
            if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http")
                    || u.getScheme().equalsIgnoreCase("https")) || u.getHost() == null) {
                throw new InvalidFieldException(field, "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidFieldException(field, "must be an absolute http or https URL");
        }
    }

    private static void email(String field, String value) {
        if (value == null || !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidFieldException(field, "must be an e-mail address");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** {@code abcd…wxyz} for long secrets, {@code ****} for short ones. */
    public static String preview(String secret) {
        if (secret == null) {
            return null;
        }
        return secret.length() < 12 ? "****" : secret.substring(0, 4) + "…" + secret.substring(secret.length() - 4);
    }

    public NotificationChannel tested(Instant at, String status) {
        return new NotificationChannel(id, name, type, enabled, settings, secretPreviews, createdAt, updatedAt, at,
                status);
    }
}

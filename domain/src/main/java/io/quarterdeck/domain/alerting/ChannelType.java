package io.quarterdeck.domain.alerting;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of notification channel, each with the settings it needs and the ones that are secrets (encrypted at
 * rest, never shown again: only a preview).
 */
public enum ChannelType {
    /** POST of a JSON document, signed with HMAC-SHA256 of the body under {@code secret}. */
    WEBHOOK(List.of("url"), List.of("secret"), Set.of("url")),
    /** A Slack incoming webhook; its URL is itself the credential. */
    SLACK(List.of(), List.of("webhook_url"), Set.of("webhook_url")),
    /** SMTP with STARTTLS (required unless {@code starttls} is {@code false}). */
    EMAIL(List.of("smtp_host", "from", "to"), List.of(), Set.of()),
    /** Telegram Bot API sendMessage. */
    TELEGRAM(List.of("chat_id"), List.of("bot_token"), Set.of());

    /** Settings that are not secret, beyond the required ones. */
    private static final Set<String> OPTIONAL = Set.of("channel", "username", "smtp_port", "starttls", "base_url",
            "subject_prefix");
    private static final Set<String> OPTIONAL_SECRETS = Set.of("password");

    private final List<String> required;
    private final List<String> requiredSecrets;
    private final Set<String> urls;

    ChannelType(List<String> required, List<String> requiredSecrets, Set<String> urls) {
        this.required = required;
        this.requiredSecrets = requiredSecrets;
        this.urls = urls;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> required() {
        return required;
    }

    public List<String> requiredSecrets() {
        return requiredSecrets;
    }

    /** Whether the key names a secret of this type (kept encrypted). */
    public boolean isSecret(String key) {
        return requiredSecrets.contains(key) || OPTIONAL_SECRETS.contains(key);
    }

    public boolean isKnown(String key) {
        return required.contains(key) || isSecret(key) || OPTIONAL.contains(key);
    }

    public boolean isUrl(String key) {
        return urls.contains(key) || key.equals("base_url");
    }

    public static ChannelType parse(String field, String raw) {
        if (raw != null) {
            for (ChannelType t : values()) {
                if (t.wireName().equals(raw.strip().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
        }
        throw new InvalidFieldException(field, "must be webhook, slack, email or telegram");
    }
}

package io.quarterdeck.adapters.messaging.notifications;

import java.time.Duration;
import java.util.Objects;

/**
 * How the channels talk to the outside.
 *
 * @param timeout         {@code quarterdeck.notifications.timeout-seconds}: connect and answer time per attempt
 * @param telegramBaseUrl {@code quarterdeck.notifications.telegram-base-url}: the Bot API's base URL, unless a
 *                        channel sets its own {@code base_url}
 */
public record NotificationSettings(Duration timeout, String telegramBaseUrl) {
    public NotificationSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("quarterdeck.notifications.timeout-seconds must be more than 0");
        }
        if (telegramBaseUrl == null || !telegramBaseUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("quarterdeck.notifications.telegram-base-url must be an http(s) URL");
        }
        telegramBaseUrl = telegramBaseUrl.endsWith("/") ? telegramBaseUrl.substring(0, telegramBaseUrl.length() - 1)
                : telegramBaseUrl;
    }

    public static NotificationSettings defaults() {
        return new NotificationSettings(Duration.ofSeconds(10), "https://api.telegram.org");
    }
}

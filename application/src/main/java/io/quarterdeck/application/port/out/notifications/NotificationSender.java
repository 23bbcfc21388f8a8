package io.quarterdeck.application.port.out.notifications;

import io.quarterdeck.domain.alerting.ChannelType;
import java.util.Map;

/** Sends one message over one channel (webhook, Slack, e-mail, Telegram), once; retries are the caller's. */
public interface NotificationSender {
    /** Throws {@link NotificationFailedException} with the reason when the channel did not accept the message. */
    void send(ChannelType type, Map<String, String> settings, Map<String, String> secrets,
              NotificationMessage message);
}

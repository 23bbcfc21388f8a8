package io.quarterdeck.application.port.in.notifications;

import io.quarterdeck.domain.alerting.ChannelType;
import java.util.Map;

/**
 * A channel as a client gave it; {@code config} mixes settings and secrets ({@link ChannelType#isSecret} tells them
 * apart). In an update, null fields stay and a key of {@code config} replaces that key only.
 */
public record ChannelCommand(String name, ChannelType type, Boolean enabled, Map<String, String> config) {
}

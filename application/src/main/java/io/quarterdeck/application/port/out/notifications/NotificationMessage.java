package io.quarterdeck.application.port.out.notifications;

import java.time.Instant;

/** What a channel is asked to say; each channel renders it in its own wire format. */
public record NotificationMessage(String id, String kind, String severity, String title, String text,
                                  String alertId, String ruleId, double value, double threshold, Instant at) {
}

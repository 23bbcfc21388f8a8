package io.quarterdeck.adapters.rest.apiv1.notifications;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.alerting.NotificationChannel;
import java.util.Map;
import java.util.TreeMap;

/** A channel: its settings, and its secrets as previews only ({@code config}). */
public record ChannelDto(String id, String name, String type, boolean enabled, Map<String, String> config,
                         String created_at, String updated_at, String last_test, String last_test_status) {
    public static ChannelDto from(NotificationChannel c) {
        Map<String, String> config = new TreeMap<>(c.settings());
        config.putAll(c.secretPreviews());
        return new ChannelDto(c.id(), c.name(), c.type().wireName(), c.enabled(), config,
                Times.format(c.createdAt()), Times.format(c.updatedAt()),
                c.lastTest() == null ? null : Times.format(c.lastTest()), c.lastTestStatus());
    }
}

package io.quarterdeck.application.port.in.notifications;

import io.quarterdeck.application.port.out.notifications.NotificationDelivery;
import io.quarterdeck.domain.alerting.NotificationChannel;
import java.util.List;

/** Notification channels, their history and test messages. */
public interface ManageChannelsUseCase {
    List<NotificationChannel> list();

    NotificationChannel create(ChannelCommand command);

    NotificationChannel update(String id, ChannelCommand command);

    void delete(String id);

    /** Queues a test message to the channel (sent by the dispatcher, never in the caller's request). */
    NotificationDelivery test(String id);

    List<NotificationDelivery> history(String channelId, String status, int limit);
}

package io.quarterdeck.application.port.out.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The delivery queue and history. */
public interface NotificationDeliveries {
    /** Queues deliveries in the caller's transaction (they are sent only if it commits). */
    void enqueue(Collection<NotificationDelivery> deliveries);

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now} for this caller: their next attempt moves to
     * {@code leaseUntil}, so no other instance takes them meanwhile. Runs in a transaction of its own.
     */
    List<NotificationDelivery> claimDue(Instant now, Instant leaseUntil, int limit);

    /** Stores the outcome of an attempt. */
    void update(NotificationDelivery delivery);

    /** Newest first; of one channel when {@code channelId} is not null, of one status when {@code status} is not. */
    List<NotificationDelivery> history(String channelId, String status, int limit);

    java.util.Optional<NotificationDelivery> find(String id);
}

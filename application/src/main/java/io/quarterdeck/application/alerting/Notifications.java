package io.quarterdeck.application.alerting;

import io.quarterdeck.application.port.out.notifications.NotificationChannelRepository;
import io.quarterdeck.application.port.out.notifications.NotificationDeliveries;
import io.quarterdeck.application.port.out.notifications.NotificationDelivery;
import io.quarterdeck.domain.alerting.Alert;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.NotificationChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Queues an alert's notification for every enabled channel the rule names (by id, name or type), in the caller's
 * transaction: a notification exists exactly when the alert change that caused it is committed.
 */
@ApplicationScoped
public class Notifications {
    private final NotificationChannelRepository channels;
    private final NotificationDeliveries deliveries;

    @Inject
    public Notifications(NotificationChannelRepository channels, NotificationDeliveries deliveries) {
        this.channels = channels;
        this.deliveries = deliveries;
    }

    /** For CDI proxies only. */
    protected Notifications() {
        this(null, null);
    }

    /** {@code kind}: firing, repeat or resolved. Returns how many were queued. */
    public int queue(AlertRule rule, Alert alert, String kind, Instant now) {
        List<String> wanted = rule == null ? List.of() : rule.notifications();
        if (wanted.isEmpty()) {
            return 0;
        }
        List<NotificationDelivery> out = new ArrayList<>();
        for (var stored : channels.list()) {
            NotificationChannel ch = stored.channel();
            if (ch.enabled() && named(wanted, ch)) {
                out.add(delivery(ch, alert, kind, now));
            }
        }
        deliveries.enqueue(out);
        return out.size();
    }

    static NotificationDelivery delivery(NotificationChannel ch, Alert a, String kind, Instant now) {
        String title = "[" + kind.toUpperCase(Locale.ROOT) + "] " + a.name();
        String text = a.name() + " is " + (kind.equals("resolved") ? "resolved" : "firing") + ": "
                + a.description() + " (value " + plain(a.value()) + ", threshold " + plain(a.threshold())
                + (a.service() == null ? "" : ", service " + a.service()) + ")";
        return new NotificationDelivery("ntf-" + UUID.randomUUID(), ch.id(), ch.name(), ch.type().wireName(), a.id(),
                a.ruleId(), kind, a.severity().wireName(), title, text, a.value(), a.threshold(), "pending", 0, now,
                null, now, null);
    }

    private static boolean named(List<String> wanted, NotificationChannel ch) {
        for (String w : wanted) {
            if (w.equals(ch.id()) || w.equalsIgnoreCase(ch.name()) || w.equalsIgnoreCase(ch.type().wireName())) {
                return true;
            }
        }
        return false;
    }

    static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}

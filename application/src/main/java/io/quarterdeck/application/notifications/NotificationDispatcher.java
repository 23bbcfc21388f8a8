package io.quarterdeck.application.notifications;

import io.quarterdeck.application.port.in.alerting.AlertingSettings;
import io.quarterdeck.application.port.in.notifications.DispatchNotificationsUseCase;
import io.quarterdeck.application.port.out.notifications.NotificationChannelRepository;
import io.quarterdeck.application.port.out.notifications.NotificationDeliveries;
import io.quarterdeck.application.port.out.notifications.NotificationDelivery;
import io.quarterdeck.application.port.out.notifications.NotificationFailedException;
import io.quarterdeck.application.port.out.notifications.NotificationMessage;
import io.quarterdeck.application.port.out.notifications.NotificationSender;
import io.quarterdeck.application.port.out.notifications.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sends queued notifications, outside any request and any transaction: claim the due ones (a lease, so two
 * instances never send the same one), send each, record the outcome. A failure is retried with exponential backoff
 * until the attempts run out; one channel's failure never holds up another's deliveries.
 */
@ApplicationScoped
public class NotificationDispatcher implements DispatchNotificationsUseCase {
    private static final int BATCH = 50;
    private final NotificationDeliveries deliveries;
    private final NotificationChannelRepository channels;
    private final NotificationSender sender;
    private final SecretCipher cipher;
    private final AlertingSettings settings;
    private final Clock clock;

    @Inject
    public NotificationDispatcher(NotificationDeliveries deliveries, NotificationChannelRepository channels,
                                  NotificationSender sender, SecretCipher cipher, AlertingSettings settings,
                                  Clock clock) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.sender = sender;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected NotificationDispatcher() {
        this(null, null, null, null, null, null);
    }

    @Override
    public int dispatchDue() {
        Instant now = clock.instant();
        List<NotificationDelivery> due = deliveries.claimDue(now, now.plusSeconds(120), BATCH);
        for (NotificationDelivery d : due) {
            deliveries.update(attempt(d));
        }
        return due.size();
    }

    private NotificationDelivery attempt(NotificationDelivery d) {
        var stored = channels.find(d.channelId()).orElse(null);
        if (stored == null) {
            return d.failed("the channel was deleted", null);
        }
        try {
            Map<String, String> secrets = SecretMaps.decode(cipher.open(d.channelId(), stored.sealedSecrets()));
            sender.send(stored.channel().type(), stored.channel().settings(), secrets,
                    new NotificationMessage(d.id(), d.kind(), d.severity(), d.title(), d.text(), d.alertId(),
                            d.ruleId(), d.value(), d.threshold(), d.createdAt()));
            NotificationDelivery sent = d.sent(clock.instant());
            if (d.kind().equals("test")) {
                channels.save(stored.channel().tested(clock.instant(), "ok"), stored.sealedSecrets());
            }
            return sent;
        } catch (RuntimeException | LinkageError e) {
            // A channel's failure of any kind (refused, unreachable, undecryptable, a library missing) is recorded
            // against this delivery and retried; it never stops the tick or the other deliveries.
            int attempts = d.attempts() + 1;
            Instant retry = attempts >= settings.maxAttempts() ? null
                    : clock.instant().plus(settings.retryDelay(attempts));
            String reason = e instanceof NotificationFailedException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            if (d.kind().equals("test")) {
                channels.save(stored.channel().tested(clock.instant(), "failed: " + reason), stored.sealedSecrets());
            }
            return d.failed(reason, retry);
        }
    }
}

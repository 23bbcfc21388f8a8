package io.quarterdeck.application.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.alerting.AlertingSettings;
import io.quarterdeck.application.port.out.notifications.NotificationChannelRepository;
import io.quarterdeck.application.port.out.notifications.NotificationDeliveries;
import io.quarterdeck.application.port.out.notifications.NotificationDelivery;
import io.quarterdeck.application.port.out.notifications.NotificationFailedException;
import io.quarterdeck.application.port.out.notifications.SecretCipher;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.alerting.ChannelType;
import io.quarterdeck.domain.alerting.NotificationChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retries with backoff, failure after the last attempt, and one failing channel not holding up another. */
class NotificationDispatcherTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final Map<String, NotificationDelivery> queue = new LinkedHashMap<>();
    private final Map<String, NotificationChannelRepository.Stored> channels = new LinkedHashMap<>();

    private final NotificationDeliveries deliveries = new NotificationDeliveries() {
        @Override
        public void enqueue(Collection<NotificationDelivery> d) {
            d.forEach(x -> queue.put(x.id(), x));
        }

        @Override
        public List<NotificationDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
            return queue.values().stream().filter(d -> d.status().equals("pending")
                    && !d.nextAttemptAt().isAfter(now)).toList();
        }

        @Override
        public void update(NotificationDelivery d) {
            queue.put(d.id(), d);
        }

        @Override
        public List<NotificationDelivery> history(String channelId, String status, int limit) {
            return List.copyOf(queue.values());
        }

        @Override
        public Optional<NotificationDelivery> find(String id) {
            return Optional.ofNullable(queue.get(id));
        }
    };

    private final NotificationChannelRepository store = new NotificationChannelRepository() {
        @Override
        public void save(NotificationChannel channel, String sealedSecrets) {
            channels.put(channel.id(), new Stored(channel, sealedSecrets));
        }

        @Override
        public Optional<Stored> find(String id) {
            return Optional.ofNullable(channels.get(id));
        }

        @Override
        public List<Stored> list() {
            return List.copyOf(channels.values());
        }

        @Override
        public boolean delete(String id) {
            return channels.remove(id) != null;
        }
    };

    private final SecretCipher cipher = new SecretCipher() {
        @Override
        public String seal(String context, String plain) {
            return "sealed:" + context + ":" + plain;
        }

        @Override
        public String open(String context, String sealed) {
            return sealed.substring(("sealed:" + context + ":").length());
        }
    };

    @Test
    void aFailingChannelIsRetriedWithBackoffThenFailsWhileAnotherIsDelivered() {
        AlertingSettings settings = new AlertingSettings(Duration.ofSeconds(15), Duration.ofSeconds(5), 3,
                Duration.ofSeconds(10));
        java.util.List<String> sentTo = new java.util.ArrayList<>();
        NotificationDispatcher dispatcher = new NotificationDispatcher(deliveries, store, (type, config, secrets, m) -> {
            if (config.get("url").contains("down")) {
                throw new NotificationFailedException("webhook unreachable: ConnectException");
            }
            assertEquals("s3cret", secrets.get("secret"), "the dispatcher opens the sealed secrets");
            sentTo.add(config.get("url"));
        }, cipher, settings, clock);
        ChannelService service = new ChannelService(store, deliveries, cipher, clock);
        var down = service.create(new io.quarterdeck.application.port.in.notifications.ChannelCommand("down",
                ChannelType.WEBHOOK, true, Map.of("url", "http://down.example/h", "secret", "s3cret")));
        var up = service.create(new io.quarterdeck.application.port.in.notifications.ChannelCommand("up",
                ChannelType.WEBHOOK, true, Map.of("url", "http://up.example/h", "secret", "s3cret")));
        assertEquals(Map.of("secret", "****"), up.secretPreviews());
        assertTrue(channels.get(up.id()).sealedSecrets().startsWith("sealed:" + up.id()));
        NotificationDelivery failing = service.test(down.id());
        service.test(up.id());

        dispatcher.dispatchDue();
        assertEquals(List.of("http://up.example/h"), sentTo);
        NotificationDelivery once = queue.get(failing.id());
        assertEquals("pending", once.status());
        assertEquals(1, once.attempts());
        assertEquals(clock.instant().plusSeconds(10), once.nextAttemptAt());
        assertEquals("failed: webhook unreachable: ConnectException", channels.get(down.id()).channel()
                .lastTestStatus());
        assertEquals("ok", channels.get(up.id()).channel().lastTestStatus());

        clock.advance(Duration.ofSeconds(9));
        assertEquals(0, dispatcher.dispatchDue(), "not before its backoff");
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        assertEquals(clock.instant().plusSeconds(20), queue.get(failing.id()).nextAttemptAt(), "doubled");
        clock.advance(Duration.ofSeconds(20));
        dispatcher.dispatchDue();
        NotificationDelivery last = queue.get(failing.id());
        assertEquals("failed", last.status());
        assertEquals(3, last.attempts());
        assertNull(last.nextAttemptAt());
        assertEquals("webhook unreachable: ConnectException", last.lastError());
        assertEquals(1, sentTo.size(), "the delivered one is not sent again");
    }
}

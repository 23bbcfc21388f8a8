package io.quarterdeck.application.notifications;

import io.quarterdeck.application.port.in.notifications.ChannelCommand;
import io.quarterdeck.application.port.in.notifications.ManageChannelsUseCase;
import io.quarterdeck.application.port.out.notifications.NotificationChannelRepository;
import io.quarterdeck.application.port.out.notifications.NotificationDeliveries;
import io.quarterdeck.application.port.out.notifications.NotificationDelivery;
import io.quarterdeck.application.port.out.notifications.SecretCipher;
import io.quarterdeck.domain.alerting.ChannelType;
import io.quarterdeck.domain.alerting.NotificationChannel;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Channels: settings in the clear, secrets sealed before they are stored and shown as previews only. */
@ApplicationScoped
public class ChannelService implements ManageChannelsUseCase {
    private final NotificationChannelRepository channels;
    private final NotificationDeliveries deliveries;
    private final SecretCipher cipher;
    private final Clock clock;

    @Inject
    public ChannelService(NotificationChannelRepository channels, NotificationDeliveries deliveries,
                          SecretCipher cipher, Clock clock) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected ChannelService() {
        this(null, null, null, null);
    }

    @Override
    @Transactional
    public List<NotificationChannel> list() {
        return channels.list().stream().map(NotificationChannelRepository.Stored::channel).toList();
    }

    @Override
    @Transactional
    public NotificationChannel create(ChannelCommand c) {
        if (c.type() == null) {
            throw new InvalidFieldException("type", "is required (webhook, slack, email, telegram)");
        }
        String id = "ch-" + UUID.randomUUID();
        Instant now = clock.instant();
        return store(id, c.name(), c.type(), c.enabled() == null || c.enabled(),
                c.config() == null ? Map.of() : c.config(), Map.of(), now, now);
    }

    @Override
    @Transactional
    public NotificationChannel update(String id, ChannelCommand c) {
        var stored = channels.find(id).orElseThrow(() -> new NotFoundException("channel", id));
        NotificationChannel old = stored.channel();
        if (c.type() != null && c.type() != old.type()) {
            throw new InvalidFieldException("type", "cannot change; create a new channel instead");
        }
        Map<String, String> merged = new TreeMap<>(old.settings());
        if (c.config() != null) {
            merged.putAll(c.config());
        }
        return store(id, c.name() == null ? old.name() : c.name(), old.type(),
                c.enabled() == null ? old.enabled() : c.enabled(), merged,
                SecretMaps.decode(cipher.open(id, stored.sealedSecrets())), old.createdAt(), clock.instant());
    }

    private NotificationChannel store(String id, String name, ChannelType type, boolean enabled,
                                      Map<String, String> config, Map<String, String> oldSecrets, Instant created,
                                      Instant now) {
        Map<String, String> settings = new TreeMap<>();
        Map<String, String> secrets = new TreeMap<>(oldSecrets);
        config.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            if (type.isSecret(k)) {
                secrets.put(k, v);
            } else {
                settings.put(k, v);
            }
        });
        NotificationChannel.validate(type, settings, secrets);
        Map<String, String> previews = new TreeMap<>();
        secrets.forEach((k, v) -> previews.put(k, NotificationChannel.preview(v)));
        NotificationChannel ch = new NotificationChannel(id, name, type, enabled, settings, previews, created, now,
                null, null);
        var previous = channels.find(id);
        if (previous.isPresent()) {
            ch = ch.tested(previous.get().channel().lastTest(), previous.get().channel().lastTestStatus());
        }
        channels.save(ch, cipher.seal(id, SecretMaps.encode(secrets)));
        return ch;
    }

    @Override
    @Transactional
    public void delete(String id) {
        if (!channels.delete(id)) {
            throw new NotFoundException("channel", id);
        }
    }

    @Override
    @Transactional
    public NotificationDelivery test(String id) {
        NotificationChannel ch = channels.find(id).orElseThrow(() -> new NotFoundException("channel", id)).channel();
        Instant now = clock.instant();
        NotificationDelivery d = new NotificationDelivery("ntf-" + UUID.randomUUID(), ch.id(), ch.name(),
                ch.type().wireName(), null, null, "test", "info", "[TEST] Quarterdeck test notification",
                "This is a test notification from Quarterdeck to the channel " + ch.name() + ".", 0, 0, "pending", 0,
                now, null, now, null);
        deliveries.enqueue(List.of(d));
        return d;
    }

    @Override
    @Transactional
    public List<NotificationDelivery> history(String channelId, String status, int limit) {
        return deliveries.history(channelId, status, limit);
    }
}

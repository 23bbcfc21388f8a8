package io.quarterdeck.application.port.out.notifications;

import io.quarterdeck.domain.alerting.NotificationChannel;
import java.util.List;
import java.util.Optional;

/** Channels with their sealed secrets (the store never sees them in the clear). */
public interface NotificationChannelRepository {
    /** A channel as stored: the channel and its secrets sealed by {@link SecretCipher}. */
    record Stored(NotificationChannel channel, String sealedSecrets) {
    }

    void save(NotificationChannel channel, String sealedSecrets);

    Optional<Stored> find(String id);

    /** Oldest first. */
    List<Stored> list();

    boolean delete(String id);
}

package io.quarterdeck.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the start-up sequence and the schedules are configured with.
 *
 * @param dataDirectory            {@code quarterdeck.data-dir}: the embedded database and the bootstrap secrets
 * @param purgeInterval            {@code quarterdeck.errors.purge-interval-minutes}: how often retention runs
 * @param revocationReloadInterval {@code quarterdeck.auth.revocation-reload-seconds}: how often the revocation list
 *                                 is re-read
 * @param bootstrapApiKey          {@code quarterdeck.bootstrap-api-key}: a preset first API key, else one is made
 * @param ownerUsername            {@code quarterdeck.bootstrap.owner-username}: the first owner's username
 * @param ownerPassword            {@code quarterdeck.bootstrap.owner-password}: a preset first owner password, else
 *                                 one is made
 */
public record ServerSettings(Path dataDirectory, Duration purgeInterval, Duration revocationReloadInterval,
                             Optional<String> bootstrapApiKey, String ownerUsername, Optional<String> ownerPassword) {
    public ServerSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        positive("quarterdeck.errors.purge-interval-minutes", purgeInterval);
        positive("quarterdeck.auth.revocation-reload-seconds", revocationReloadInterval);
        Objects.requireNonNull(bootstrapApiKey, "bootstrapApiKey");
        if (ownerUsername == null || ownerUsername.isBlank()) {
            throw new IllegalArgumentException("quarterdeck.bootstrap.owner-username must not be blank");
        }
        Objects.requireNonNull(ownerPassword, "ownerPassword");
    }

    /** Never the preset secrets themselves. */
    @Override
    public String toString() {
        return "ServerSettings[dataDirectory=" + dataDirectory + ", purgeInterval=" + purgeInterval
                + ", revocationReloadInterval=" + revocationReloadInterval + ", bootstrapApiKey="
                + (bootstrapApiKey.isPresent() ? "(preset)" : "(generated)") + ", ownerUsername=" + ownerUsername
                + ", ownerPassword=" + (ownerPassword.isPresent() ? "(preset)" : "(generated)") + "]";
    }

    private static void positive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be more than 0, not " + d);
        }
    }
}

package io.quarterdeck.server;

import io.quarterdeck.adapters.persistence.support.FlywayMigrations;
import io.quarterdeck.application.port.in.apikeys.BootstrapApiKeyUseCase;
import io.quarterdeck.application.port.in.errors.PurgeOccurrencesUseCase;
import io.quarterdeck.application.port.in.identity.BootstrapOwnerUseCase;
import io.quarterdeck.application.port.in.identity.TokenRevocationUseCase;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * At start: migrate the schema (Flyway), create the bootstrap API key and owner if there are none, then purge
 * occurrences, expired refresh tokens and expired revocations on a schedule. A database that is down at start does
 * not stop the server: the migration is retried every few seconds and readiness reports DOWN until it answers.
 */
@ApplicationScoped
public class StartupSequence {
    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    @Resource(lookup = "jdbc/quarterdeck")
    DataSource dataSource;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    BootstrapApiKeyUseCase bootstrapKey;
    @Inject
    PurgeOccurrencesUseCase purge;
    @Inject
    BootstrapOwnerUseCase bootstrapOwner;
    @Inject
    TokenRevocationUseCase revocations;
    @Inject
    Config config;

    private volatile boolean prepared;
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> purging;
    private ScheduledFuture<?> revocationReload;

    void onStart(@Observes Startup startup) {
        if (!prepare()) {
            retry = scheduler.scheduleWithFixedDelay(() -> {
                if (prepare()) {
                    retry.cancel(false);
                }
            }, 5, 5, TimeUnit.SECONDS);
        }
        long minutes = config.getOptionalValue("quarterdeck.errors.purge-interval-minutes", Long.class).orElse(10L);
        purging = scheduler.scheduleWithFixedDelay(this::purgeOnce, minutes, minutes, TimeUnit.MINUTES);
        long seconds = config.getOptionalValue("quarterdeck.auth.revocation-reload-seconds", Long.class).orElse(15L);
        revocationReload = scheduler.scheduleWithFixedDelay(this::reloadRevocations, seconds, seconds, TimeUnit.SECONDS);
    }

    private synchronized boolean prepare() {
        if (prepared) {
            return true;
        }
        try {
            FlywayMigrations.migrate(dataSource);
            Optional<String> preset = config.getOptionalValue("quarterdeck.bootstrap-api-key", String.class);
            bootstrapKey.bootstrap(preset).ifPresent(where -> LOG.info(
                    "Created the bootstrap API key (read, write, ingest); it was written to " + where));
            String owner = config.getOptionalValue("quarterdeck.bootstrap.owner-username", String.class).orElse("owner");
            Optional<String> ownerPassword = config.getOptionalValue("quarterdeck.bootstrap.owner-password", String.class);
            bootstrapOwner.bootstrapOwner(owner, ownerPassword).ifPresent(where -> LOG.info(
                    "Created the owner account '" + owner + "'; its password was " + (where.startsWith("preset")
                            ? "preset by configuration" : "written to " + where)));
            revocations.reload();
            prepared = true;
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Database not ready yet (" + e.getMessage() + "); retrying in 5 s");
            return false;
        }
    }

    private void purgeOnce() {
        if (!prepared) {
            return;
        }
        try {
            long removed = purge.purge();
            if (removed > 0) {
                LOG.info("Occurrence retention removed " + removed + " occurrences");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Occurrence retention failed; will retry", e);
        }
        try {
            long tokens = revocations.purgeExpired();
            if (tokens > 0) {
                LOG.info("Removed " + tokens + " expired refresh tokens");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Removing expired refresh tokens failed; will retry", e);
        }
    }

    private void reloadRevocations() {
        if (!prepared) {
            return;
        }
        try {
            revocations.reload();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reloading the token revocation list failed; will retry", e);
        }
    }

    @PreDestroy
    void stop() {
        if (retry != null) {
            retry.cancel(false);
        }
        if (purging != null) {
            purging.cancel(false);
        }
        if (revocationReload != null) {
            revocationReload.cancel(false);
        }
    }
}

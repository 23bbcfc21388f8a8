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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * At start: migrate the schema (Flyway), create the bootstrap API key and owner if there are none, then purge
 * occurrences, expired refresh tokens and expired revocations on a schedule. A database that is down at start does
 * not stop the server: the migration is retried every few seconds and readiness reports DOWN until it answers.
 */
@ApplicationScoped
public class StartupSequence {
    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    // Container resources, not CDI beans: resource injection has no constructor form.
    @Resource(lookup = "jdbc/quarterdeck")
    DataSource dataSource;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private final BootstrapApiKeyUseCase bootstrapKey;
    private final PurgeOccurrencesUseCase purge;
    private final BootstrapOwnerUseCase bootstrapOwner;
    private final TokenRevocationUseCase revocations;
    private final ServerSettings settings;

    private volatile boolean prepared;
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> purging;
    private ScheduledFuture<?> revocationReload;

    @Inject
    public StartupSequence(BootstrapApiKeyUseCase bootstrapKey, PurgeOccurrencesUseCase purge,
                           BootstrapOwnerUseCase bootstrapOwner, TokenRevocationUseCase revocations,
                           ServerSettings settings) {
        this.bootstrapKey = bootstrapKey;
        this.purge = purge;
        this.bootstrapOwner = bootstrapOwner;
        this.revocations = revocations;
        this.settings = settings;
    }

    /** For CDI proxies only. */
    protected StartupSequence() {
        this(null, null, null, null, null);
    }

    void onStart(@Observes Startup startup) {
        if (!prepare()) {
            retry = scheduler.scheduleWithFixedDelay(() -> {
                if (prepare()) {
                    retry.cancel(false);
                }
            }, 5, 5, TimeUnit.SECONDS);
        }
        long purgeMillis = settings.purgeInterval().toMillis();
        purging = scheduler.scheduleWithFixedDelay(this::purgeOnce, purgeMillis, purgeMillis, TimeUnit.MILLISECONDS);
        long reloadMillis = settings.revocationReloadInterval().toMillis();
        revocationReload = scheduler.scheduleWithFixedDelay(this::reloadRevocations, reloadMillis, reloadMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Whether the schema is migrated and the bootstrap done (the other schedules wait for it). */
    public boolean isPrepared() {
        return prepared;
    }

    private synchronized boolean prepare() {
        if (prepared) {
            return true;
        }
        try {
            FlywayMigrations.migrate(dataSource);
            bootstrapKey.bootstrap(settings.bootstrapApiKey()).ifPresent(where -> LOG.info(
                    "Created the bootstrap API key (read, write, ingest); it was written to " + where));
            String owner = settings.ownerUsername();
            bootstrapOwner.bootstrapOwner(owner, settings.ownerPassword()).ifPresent(where -> LOG.info(
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

package io.quarterdeck.server;

import io.quarterdeck.application.port.in.alerting.AlertingSettings;
import io.quarterdeck.application.port.in.alerting.EvaluateAlertsUseCase;
import io.quarterdeck.application.port.in.monitoring.MonitorServicesUseCase;
import io.quarterdeck.application.port.in.notifications.DispatchNotificationsUseCase;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Issue 17's schedules: the alert evaluator (every {@code quarterdeck.alerting.evaluation-interval-seconds}) and the
 * notification dispatcher (every {@code quarterdeck.notifications.dispatch-interval-seconds}) and the service checks
 * behind {@code /api/monitoring} uptime (every 30 s, on every instance), on managed threads,
 * once the schema is migrated. Every instance runs both; the claims in the database keep each rule and each
 * notification to one instance per tick.
 */
@ApplicationScoped
public class AlertingSchedule {
    private static final Logger LOG = Logger.getLogger(AlertingSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final EvaluateAlertsUseCase evaluator;
    private final DispatchNotificationsUseCase dispatcher;
    private final MonitorServicesUseCase monitoring;
    private final AlertingSettings settings;
    private final StartupSequence startup;
    private final boolean enabled;
    private ScheduledFuture<?> evaluating;
    private ScheduledFuture<?> dispatching;
    private ScheduledFuture<?> checking;

    @Inject
    public AlertingSchedule(EvaluateAlertsUseCase evaluator, DispatchNotificationsUseCase dispatcher,
                            MonitorServicesUseCase monitoring, AlertingSettings settings, StartupSequence startup,
                            @Named("quarterdeck.alerting.enabled") Boolean enabled) {
        this.evaluator = evaluator;
        this.dispatcher = dispatcher;
        this.monitoring = monitoring;
        this.settings = settings;
        this.startup = startup;
        this.enabled = enabled != null && enabled;
    }

    /** For CDI proxies only. */
    protected AlertingSchedule() {
        this(null, null, null, null, null, null);
    }

    void onStart(@Observes Startup event) {
        // Every instance stores its own checks of the services: uptime is what the instances saw.
        checking = scheduler.scheduleWithFixedDelay(() -> run("service checks", () -> {
            monitoring.recordChecks();
            return 1;
        }), 30, 30, TimeUnit.SECONDS);
        if (!enabled) {
            LOG.info("Alert evaluation and notification dispatch are off on this instance (quarterdeck.alerting.enabled)");
            return;
        }
        long evaluate = settings.evaluationInterval().toMillis();
        long dispatch = settings.dispatchInterval().toMillis();
        evaluating = scheduler.scheduleWithFixedDelay(() -> run("alert evaluation", evaluator::evaluateDue),
                evaluate, evaluate, TimeUnit.MILLISECONDS);
        dispatching = scheduler.scheduleWithFixedDelay(() -> run("notification dispatch", dispatcher::dispatchDue),
                dispatch, dispatch, TimeUnit.MILLISECONDS);
    }

    private void run(String what, java.util.function.IntSupplier tick) {
        if (!startup.isPrepared()) {
            return;
        }
        try {
            tick.getAsInt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " failed; the next tick retries", e);
        }
    }

    @PreDestroy
    void stop() {
        if (evaluating != null) {
            evaluating.cancel(false);
        }
        if (dispatching != null) {
            dispatching.cancel(false);
        }
        if (checking != null) {
            checking.cancel(false);
        }
    }
}

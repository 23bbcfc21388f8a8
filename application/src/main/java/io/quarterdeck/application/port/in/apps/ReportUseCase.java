package io.quarterdeck.application.port.in.apps;

import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.FunctionLog;
import io.quarterdeck.domain.apps.PipelineTask;

/**
 * What managers report, over AMQP or REST alike. Every report is idempotent: the same report twice leaves the same
 * state and publishes its events once.
 */
public interface ReportUseCase {
    /** Registers the app, or updates its registration when it exists. */
    AppDetails register(App.Registration registration);

    /** An unknown app is a {@code NotFoundException}. */
    AppDetails reportStatus(String app, App.StatusReport report);

    /** The app must be registered. */
    AppRuntime reportRuntime(AppRuntime runtime);

    PipelineTask reportTask(PipelineTask task);

    /** Returns whether the log was new. The app must be registered. */
    boolean reportFunction(FunctionLog log);

    /**
     * Several decoded reports ({@link Reports#message}) in one transaction, in order, their events after commit: the
     * AMQP listener's batch. Any report refused (a {@code DomainException}) rolls the whole batch back and is thrown;
     * the caller then applies the reports one by one to find it.
     */
    void reportAll(java.util.List<Object> reports);
}

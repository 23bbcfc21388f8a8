package io.quarterdeck.application.port.out.apps;

import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.PipelineTask;
import io.quarterdeck.domain.apps.RunStatus;

/** Live events about apps, published after commit (the dashboard socket, the relay's wake-up). */
public interface AppEventPublisher {
    void appStatusChanged(String app, RunStatus oldStatus, RunStatus newStatus);

    void commandIssued(Command command);

    void appFatal(String app);

    void runtimeStarted(AppRuntime runtime);

    void runtimeCompleted(AppRuntime runtime);

    void taskUpdated(PipelineTask task);
}

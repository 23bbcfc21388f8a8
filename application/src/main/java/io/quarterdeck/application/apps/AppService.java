package io.quarterdeck.application.apps;

import io.quarterdeck.application.port.in.apps.AppDetails;
import io.quarterdeck.application.port.in.apps.CommandAppsUseCase;
import io.quarterdeck.application.port.in.apps.QueryAppsUseCase;
import io.quarterdeck.application.port.in.apps.ReportUseCase;
import io.quarterdeck.application.port.out.apps.AppAlreadyExistsException;
import io.quarterdeck.application.port.out.apps.AppEventPublisher;
import io.quarterdeck.application.port.out.apps.AppFilter;
import io.quarterdeck.application.port.out.apps.ResultPage;
import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppQuery;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.CommandType;
import io.quarterdeck.domain.apps.FunctionLog;
import io.quarterdeck.domain.apps.PipelineTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reports, queries and commands: each one transaction ({@link AppTransactions}), then the live events, after commit,
 * to every {@link AppEventPublisher} there is (the dashboard socket, the relay's wake-up; none is fine).
 */
@ApplicationScoped
public class AppService implements ReportUseCase, QueryAppsUseCase, CommandAppsUseCase {
    private static final System.Logger LOG = System.getLogger(AppService.class.getName());
    private final AppTransactions tx;
    private final Iterable<AppEventPublisher> publishers;

    @Inject
    public AppService(AppTransactions tx, Instance<AppEventPublisher> publishers) {
        this(tx, (Iterable<AppEventPublisher>) publishers);
    }

    public AppService(AppTransactions tx, Iterable<AppEventPublisher> publishers) {
        this.tx = tx;
        this.publishers = publishers;
    }

    /** For CDI proxies only. */
    protected AppService() {
        this(null, (Iterable<AppEventPublisher>) List.<AppEventPublisher>of());
    }

    @Override
    public AppDetails register(App.Registration registration) {
        App a;
        try {
            a = tx.register(registration);
        } catch (AppAlreadyExistsException e) {
            a = tx.register(registration);
        }
        return get(a.app());
    }

    @Override
    public AppDetails reportStatus(String app, App.StatusReport report) {
        List<Consumer<AppEventPublisher>> events = new ArrayList<>();
        statusEvents(tx.reportStatus(app, report), events);
        events.forEach(this::publish);
        return get(app);
    }

    static void statusEvents(App.StatusChange change, List<Consumer<AppEventPublisher>> events) {
        if (change.statusChanged()) {
            events.add(p -> p.appStatusChanged(change.app(), change.oldStatus(), change.newStatus()));
        }
        if (change.becameFatal()) {
            events.add(p -> p.appFatal(change.app()));
        }
    }

    @Override
    public AppRuntime reportRuntime(AppRuntime runtime) {
        List<Consumer<AppEventPublisher>> events = new ArrayList<>();
        runtimeEvents(runtime, tx.reportRuntime(runtime), events);
        events.forEach(this::publish);
        return runtime;
    }

    static void runtimeEvents(AppRuntime runtime, Optional<AppRuntime> before, List<Consumer<AppEventPublisher>> events) {
        if (before.isEmpty()) {
            events.add(p -> p.runtimeStarted(runtime));
        }
        if (runtime.status().finished() && (before.isEmpty() || !before.get().status().finished())) {
            events.add(p -> p.runtimeCompleted(runtime));
        }
    }

    @Override
    public PipelineTask reportTask(PipelineTask task) {
        List<Consumer<AppEventPublisher>> events = new ArrayList<>();
        taskEvents(task, tx.reportTask(task), events);
        events.forEach(this::publish);
        return task;
    }

    static void taskEvents(PipelineTask task, Optional<PipelineTask> before, List<Consumer<AppEventPublisher>> events) {
        if (before.isEmpty() || before.get().status() != task.status() || !before.get().stage().equals(task.stage())) {
            events.add(p -> p.taskUpdated(task));
        }
    }

    @Override
    public void reportAll(List<Object> reports) {
        List<Consumer<AppEventPublisher>> events;
        try {
            events = tx.applyAll(reports);
        } catch (AppAlreadyExistsException e) {
            events = tx.applyAll(reports);
        }
        events.forEach(this::publish);
    }

    @Override
    public boolean reportFunction(FunctionLog log) {
        return tx.reportFunction(log);
    }

    @Override
    public ResultPage<AppDetails> list(AppQuery query) {
        var page = tx.search(query);
        Instant now = tx.now();
        return new ResultPage<>(page.items().stream().map(s -> AppTransactions.details(s, now)).toList(),
                page.total(), page.page(), page.perPage());
    }

    @Override
    public AppDetails get(String app) {
        return AppTransactions.details(tx.get(app), tx.now());
    }

    @Override
    public Command issue(String actor, String app, CommandType type) {
        Command c = tx.issue(actor, app, type);
        publish(p -> p.commandIssued(c));
        return c;
    }

    @Override
    public BulkOutcome bulk(String actor, AppFilter filter, CommandType type) {
        BulkOutcome outcome = tx.bulk(actor, filter, type);
        for (Command c : outcome.sent()) {
            publish(p -> p.commandIssued(c));
        }
        return outcome;
    }

    @Override
    public AppDetails configure(String app, App.Configuration configuration) {
        tx.configure(app, configuration);
        return get(app);
    }

    @Override
    public List<Command> commands(String app, Boolean sent, long afterSequence, int limit) {
        return tx.commands(app, sent, afterSequence, limit);
    }

    private void publish(Consumer<AppEventPublisher> event) {
        for (AppEventPublisher p : publishers) {
            try {
                event.accept(p);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a live app event failed; the change itself is committed", e);
            }
        }
    }
}

package io.quarterdeck.application.apps;

import io.quarterdeck.application.port.in.apps.AppDetails;
import io.quarterdeck.application.port.in.apps.CommandAppsUseCase;
import io.quarterdeck.application.port.out.apps.AppFilter;
import io.quarterdeck.application.port.out.apps.AppRepository;
import io.quarterdeck.application.port.out.apps.AppSummary;
import io.quarterdeck.application.port.out.apps.CommandOutbox;
import io.quarterdeck.application.port.out.apps.FunctionLogRepository;
import io.quarterdeck.application.port.out.apps.PipelineTaskRepository;
import io.quarterdeck.application.port.out.apps.ResultPage;
import io.quarterdeck.application.port.out.apps.RuntimeRepository;
import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppQuery;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.CommandRefusedException;
import io.quarterdeck.domain.apps.CommandType;
import io.quarterdeck.domain.apps.FunctionLog;
import io.quarterdeck.domain.apps.PipelineTask;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each method one transaction over the apps stores; events are returned for the caller to publish after commit. */
@ApplicationScoped
public class AppTransactions {
    private final AppRepository apps;
    private final CommandOutbox outbox;
    private final RuntimeRepository runtimes;
    private final PipelineTaskRepository tasks;
    private final FunctionLogRepository functions;
    private final Clock clock;

    @Inject
    public AppTransactions(AppRepository apps, CommandOutbox outbox, RuntimeRepository runtimes,
                           PipelineTaskRepository tasks, FunctionLogRepository functions, Clock clock) {
        this.apps = apps;
        this.outbox = outbox;
        this.runtimes = runtimes;
        this.tasks = tasks;
        this.functions = functions;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected AppTransactions() {
        this(null, null, null, null, null, null);
    }

    @Transactional
    public App register(App.Registration r) {
        Instant now = clock.instant();
        Optional<App> existing = apps.lock(r.app());
        if (existing.isPresent()) {
            App a = existing.get();
            if (a.reRegister(r, now)) {
                apps.updateAll(List.of(a));
            }
            return a;
        }
        App a = App.register(r, now);
        apps.insert(a);
        return a;
    }

    @Transactional
    public App.StatusChange reportStatus(String app, App.StatusReport report) {
        App a = apps.lock(app).orElseThrow(() -> new NotFoundException("app", app));
        App.StatusChange change = a.report(report, clock.instant());
        apps.updateAll(List.of(a));
        return change;
    }

    /** The runtime it replaced, if any. */
    @Transactional
    public Optional<AppRuntime> reportRuntime(AppRuntime r) {
        apps.find(r.app()).orElseThrow(() -> new NotFoundException("app", r.app()));
        return runtimes.upsert(r);
    }

    @Transactional
    public Optional<PipelineTask> reportTask(PipelineTask t) {
        return tasks.upsert(t);
    }

    @Transactional
    public boolean reportFunction(FunctionLog log) {
        apps.find(log.app()).orElseThrow(() -> new NotFoundException("app", log.app()));
        return functions.insertIfAbsent(log);
    }

    /**
     * The reports in one transaction; returns the events to publish after commit, in order. The apps that
     * registrations and status reports name are locked with one statement, changed in memory and written back in
     * one batch (before any runtime, task or function report, which need the apps stored).
     */
    @Transactional
    public List<java.util.function.Consumer<io.quarterdeck.application.port.out.apps.AppEventPublisher>> applyAll(
            List<Object> reports) {
        List<java.util.function.Consumer<io.quarterdeck.application.port.out.apps.AppEventPublisher>> events =
                new ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Object report : reports) {
            if (report instanceof App.Registration r) {
                names.add(r.app());
            } else if (report instanceof io.quarterdeck.application.port.in.apps.Reports.AppStatus s) {
                names.add(s.app());
            }
        }
        java.util.Map<String, App> locked = new java.util.HashMap<>(apps.lockAll(names));
        java.util.Map<String, App> created = new java.util.LinkedHashMap<>();
        java.util.Map<String, App> changed = new java.util.LinkedHashMap<>();
        Instant now = clock.instant();
        for (Object report : reports) {
            if (report instanceof App.Registration r) {
                App a = locked.get(r.app());
                if (a == null) {
                    a = App.register(r, now);
                    locked.put(a.app(), a);
                    created.put(a.app(), a);
                } else if (a.reRegister(r, now) && !created.containsKey(a.app())) {
                    changed.put(a.app(), a);
                }
            } else if (report instanceof io.quarterdeck.application.port.in.apps.Reports.AppStatus s) {
                App a = locked.get(s.app());
                if (a == null) {
                    throw new NotFoundException("app", s.app());
                }
                AppService.statusEvents(a.report(s.report(), now), events);
                if (!created.containsKey(a.app())) {
                    changed.put(a.app(), a);
                }
            } else {
                write(created, changed);
                if (report instanceof AppRuntime r) {
                    AppService.runtimeEvents(r, reportRuntime(r), events);
                } else if (report instanceof PipelineTask t) {
                    AppService.taskEvents(t, reportTask(t), events);
                } else if (report instanceof FunctionLog l) {
                    reportFunction(l);
                } else {
                    throw new IllegalArgumentException("not a report: " + report);
                }
            }
        }
        write(created, changed);
        return events;
    }

    private void write(java.util.Map<String, App> created, java.util.Map<String, App> changed) {
        if (!created.isEmpty()) {
            apps.insertAll(created.values());
            created.clear();
        }
        if (!changed.isEmpty()) {
            apps.updateAll(changed.values());
            changed.clear();
        }
    }

    @Transactional
    public Command issue(String actor, String app, CommandType type) {
        App a = apps.lock(app).orElseThrow(() -> new NotFoundException("app", app));
        Instant now = clock.instant();
        a.issue(type, now);
        apps.updateAll(List.of(a));
        return outbox.append(List.of(command(actor, a, type, now))).get(0);
    }

    @Transactional
    public CommandAppsUseCase.BulkOutcome bulk(String actor, AppFilter filter, CommandType type) {
        List<App> matching = apps.lockMatching(filter, CommandAppsUseCase.MAX_BULK);
        Instant now = clock.instant();
        List<App> changed = new ArrayList<>();
        List<Command> commands = new ArrayList<>();
        List<CommandAppsUseCase.Refusal> refused = new ArrayList<>();
        for (App a : matching) {
            try {
                a.issue(type, now);
                changed.add(a);
                commands.add(command(actor, a, type, now));
            } catch (CommandRefusedException e) {
                refused.add(new CommandAppsUseCase.Refusal(a.app(), e.reason()));
            }
        }
        apps.updateAll(changed);
        List<Command> sent = outbox.append(commands);
        return new CommandAppsUseCase.BulkOutcome(type, sent, refused);
    }

    @Transactional
    public App configure(String app, App.Configuration c) {
        App a = apps.lock(app).orElseThrow(() -> new NotFoundException("app", app));
        a.configure(c, clock.instant());
        apps.updateAll(List.of(a));
        return a;
    }

    @Transactional
    public List<Command> commands(String app, Boolean sent, long after, int limit) {
        if (app != null) {
            apps.find(app).orElseThrow(() -> new NotFoundException("app", app));
        }
        return outbox.list(app, sent, after, limit);
    }

    @Transactional
    public ResultPage<AppSummary> search(AppQuery q) {
        return apps.search(q);
    }

    @Transactional
    public AppSummary get(String app) {
        App a = apps.find(app).orElseThrow(() -> new NotFoundException("app", app));
        AppRuntime last = runtimes.search(new RuntimeRepository.Query(app, null, null, null, 1, 1)).items().stream()
                .findFirst().orElse(null);
        return new AppSummary(a, last);
    }

    Instant now() {
        return clock.instant();
    }

    private static Command command(String actor, App a, CommandType type, Instant now) {
        return new Command(UUID.randomUUID().toString(), 0, a.app(), a.group(), type, actor, now, null);
    }

    static AppDetails details(AppSummary s, Instant now) {
        AppRuntime last = s.lastRuntime();
        return new AppDetails(s.app(), last, last == null ? null
                : s.app().eta(last.started(), now).orElse(null));
    }
}

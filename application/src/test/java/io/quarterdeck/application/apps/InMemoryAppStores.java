package io.quarterdeck.application.apps;

import io.quarterdeck.application.port.out.apps.AppFilter;
import io.quarterdeck.application.port.out.apps.AppRepository;
import io.quarterdeck.application.port.out.apps.AppSummary;
import io.quarterdeck.application.port.out.apps.CommandOutbox;
import io.quarterdeck.application.port.out.apps.FunctionLogRepository;
import io.quarterdeck.application.port.out.apps.PipelineTaskRepository;
import io.quarterdeck.application.port.out.apps.ResultPage;
import io.quarterdeck.application.port.out.apps.RuntimeRepository;
import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppNames;
import io.quarterdeck.domain.apps.AppQuery;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.FunctionLog;
import io.quarterdeck.domain.apps.PipelineTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The apps stores in memory, for the services' tests (the JDBC ones have their own contract tests). */
final class InMemoryAppStores {
    final Map<String, App> apps = new TreeMap<>();
    final List<Command> outbox = new ArrayList<>();
    final Map<String, AppRuntime> runtimes = new TreeMap<>();
    final Map<String, PipelineTask> tasks = new TreeMap<>();
    final Map<String, FunctionLog> logs = new TreeMap<>();
    private long sequence;
    final Apps appRepository = new Apps();
    final Outbox commandOutbox = new Outbox();
    final Runtimes runtimeRepository = new Runtimes();
    final Tasks taskRepository = new Tasks();
    final Functions functionRepository = new Functions();

    final class Apps implements AppRepository {

    @Override
    public Optional<App> find(String app) {
        return Optional.ofNullable(apps.get(app));
    }

    @Override
    public Optional<App> lock(String app) {
        return find(app);
    }

    @Override
    public void insert(App app) {
        apps.put(app.app(), app);
    }

    @Override
    public void updateAll(Collection<App> changed) {
        changed.forEach(a -> apps.put(a.app(), a));
    }

    @Override
    public Map<String, App> lockAll(Collection<String> names) {
        Map<String, App> out = new TreeMap<>();
        names.forEach(n -> find(n).ifPresent(a -> out.put(n, a)));
        return out;
    }

    @Override
    public void insertAll(Collection<App> created) {
        created.forEach(this::insert);
    }

    @Override
    public ResultPage<AppSummary> search(AppQuery q) {
        List<AppSummary> all = apps.values().stream().filter(a -> q.group() == null || q.group().equals(a.group()))
                .map(a -> new AppSummary(a, null)).toList();
        return new ResultPage<>(all, all.size(), q.page(), q.perPage());
    }

    @Override
    public List<App> lockMatching(AppFilter f, int max) {
        return apps.values().stream().filter(a -> (f.group() == null || f.group().equals(a.group()))
                && (f.parent() == null || f.parent().equals(a.parent()))
                && (f.appGlob() == null || AppNames.globMatches(f.appGlob(), a.app()))
                && (f.status() == null || f.status() == a.runStatus())).limit(max).toList();
    }

    }

    final class Outbox implements CommandOutbox {
    @Override
    public List<Command> append(List<Command> commands) {
        List<Command> out = new ArrayList<>();
        for (Command c : commands) {
            Command stored = new Command(c.id(), ++sequence, c.app(), c.group(), c.type(), c.actor(), c.issuedAt(), null);
            outbox.add(stored);
            out.add(stored);
        }
        return out;
    }

    @Override
    public List<Command> lockPending(int max) {
        return outbox.stream().filter(c -> !c.sent()).limit(max).toList();
    }

    @Override
    public void markSent(Collection<String> ids, Instant at) {
        outbox.replaceAll(c -> ids.contains(c.id()) ? new Command(c.id(), c.sequence(), c.app(), c.group(), c.type(),
                c.actor(), c.issuedAt(), at) : c);
    }

    @Override
    public List<Command> list(String app, Boolean sent, long afterSequence, int limit) {
        return outbox.stream().filter(c -> c.sequence() > afterSequence && (app == null || app.equals(c.app()))
                && (sent == null || sent == c.sent())).limit(limit).toList();
    }

    @Override
    public long countPending() {
        return outbox.stream().filter(c -> !c.sent()).count();
    }

    }

    final class Runtimes implements RuntimeRepository {
    @Override
    public Optional<AppRuntime> upsert(AppRuntime runtime) {
        return Optional.ofNullable(runtimes.put(runtime.runtime(), runtime));
    }

    @Override
    public Optional<AppRuntime> find(String runtime) {
        return Optional.ofNullable(runtimes.get(runtime));
    }

    @Override
    public ResultPage<AppRuntime> search(RuntimeRepository.Query q) {
        List<AppRuntime> all = runtimes.values().stream().filter(r -> q.app() == null || q.app().equals(r.app()))
                .sorted(Comparator.comparing(AppRuntime::started).reversed()).toList();
        return new ResultPage<>(all.stream().limit(q.perPage()).toList(), all.size(), q.page(), q.perPage());
    }

    }

    final class Tasks implements PipelineTaskRepository {
    @Override
    public Optional<PipelineTask> find(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public Optional<PipelineTask> upsert(PipelineTask task) {
        return Optional.ofNullable(tasks.put(task.taskId(), task));
    }

    @Override
    public ResultPage<PipelineTask> search(PipelineTaskRepository.Query q) {
        return new ResultPage<>(List.copyOf(tasks.values()), tasks.size(), q.page(), q.perPage());
    }

    @Override
    public List<Throughput> throughput(Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<TypeErrors> errors(Instant from, Instant to, int perType) {
        return List.of();
    }

    }

    final class Functions implements FunctionLogRepository {
    @Override
    public boolean insertIfAbsent(FunctionLog log) {
        return logs.putIfAbsent(log.id(), log) == null;
    }

    @Override
    public ResultPage<FunctionLog> search(FunctionLogRepository.Query q) {
        return new ResultPage<>(List.copyOf(logs.values()), logs.size(), q.page(), q.perPage());
    }

    @Override
    public List<FunctionStats> slowest(int n, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<FunctionLog> between(String app, String functionName, Instant from, Instant to, int max) {
        return logs.values().stream().filter(l -> !l.loggedAt().isBefore(from) && l.loggedAt().isBefore(to))
                .sorted(Comparator.comparing(FunctionLog::loggedAt)).limit(max).toList();
    }
    }
}

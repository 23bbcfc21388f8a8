package io.quarterdeck.adapters.persistence.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.port.out.apps.AppAlreadyExistsException;
import io.quarterdeck.application.port.out.apps.AppFilter;
import io.quarterdeck.application.port.out.apps.AppSummary;
import io.quarterdeck.application.port.out.apps.FunctionLogRepository;
import io.quarterdeck.application.port.out.apps.PipelineTaskRepository;
import io.quarterdeck.application.port.out.apps.ResultPage;
import io.quarterdeck.application.port.out.apps.RuntimeRepository;
import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppQuery;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.CommandFlag;
import io.quarterdeck.domain.apps.CommandType;
import io.quarterdeck.domain.apps.FatalFlag;
import io.quarterdeck.domain.apps.FunctionLog;
import io.quarterdeck.domain.apps.PipelineTask;
import io.quarterdeck.domain.apps.RunStatus;
import io.quarterdeck.domain.apps.RuntimeStatus;
import io.quarterdeck.domain.apps.TaskStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The apps stores and the command outbox, the same on every database. */
abstract class AppStoresContract {
    static final Instant T0 = Instant.parse("2026-01-15T07:30:00Z");

    protected abstract TestDatabase db();

    JdbcAppRepository apps;
    JdbcRuntimeRepository runtimes;
    JdbcPipelineTaskRepository tasks;
    JdbcFunctionLogRepository functions;
    JdbcCommandOutbox outbox;

    @BeforeEach
    void stores() {
        db().execute("delete from apps", "delete from app_runtimes", "delete from pipeline_tasks",
                "delete from function_logs", "delete from command_outbox");
        var em = db().entityManager();
        var ds = db().dataSource();
        apps = new JdbcAppRepository(em, ds);
        runtimes = new JdbcRuntimeRepository(em, ds);
        tasks = new JdbcPipelineTaskRepository(em, ds);
        functions = new JdbcFunctionLogRepository(em, ds);
        outbox = new JdbcCommandOutbox(em, ds);
    }

    private App register(String name, String group, String parent) {
        App a = App.register(new App.Registration(name, group, parent, "0 8 * * *", Map.of("depth", 3,
                "nested", Map.of("list", List.of("a", true))), null), T0);
        db().inTransaction(() -> {
            apps.insert(a);
            return null;
        });
        return a;
    }

    @Test
    void an_app_round_trips_and_a_second_insert_is_refused() {
        register("scraper_a", "scrapers", "registry");
        App read = db().inTransaction(() -> apps.find("scraper_a").orElseThrow());
        assertEquals("scrapers", read.group());
        assertEquals(new BigDecimal("3"), read.settings().get("depth"));
        assertEquals(Map.of("list", List.of("a", true)), read.settings().get("nested"));
        assertThrows(AppAlreadyExistsException.class, () -> register("scraper_a", "x", null));
    }

    @Test
    void apps_are_locked_and_inserted_in_batches() {
        register("b", "g", null);
        App a = App.register(new App.Registration("a", "g", null, null, null, null), T0);
        App c = App.register(new App.Registration("c", "g", null, null, null, null), T0);
        db().inTransaction(() -> {
            apps.insertAll(List.of(a, c));
            return null;
        });
        Map<String, App> locked = db().inTransaction(() -> apps.lockAll(List.of("c", "a", "b", "missing")));
        assertEquals(List.of("a", "b", "c"), locked.keySet().stream().sorted().toList());
        assertThrows(AppAlreadyExistsException.class, () -> db().inTransaction(() -> {
            apps.insertAll(List.of(App.register(new App.Registration("a", "x", null, null, null, null), T0)));
            return null;
        }));
    }

    @Test
    void updates_persist_the_flags() {
        register("scraper_a", "scrapers", "registry");
        db().inTransaction(() -> {
            App a = apps.lock("scraper_a").orElseThrow();
            a.issue(CommandType.START, T0.plusSeconds(5));
            apps.updateAll(List.of(a));
            return null;
        });
        App read = db().inTransaction(() -> apps.find("scraper_a").orElseThrow());
        assertEquals(CommandFlag.START, read.commandFlag());
        assertEquals(T0.plusSeconds(5), read.updatedAt());
    }

    @Test
    void one_batch_update_writes_every_column_of_every_app_it_names_and_no_other() {
        register("a1", "g", null);
        register("a2", "g", "p");
        register("untouched", "g", "p");
        App one = App.restore("a1", null, "parent-1", RunStatus.RUNNING, CommandFlag.STOP,
                FatalFlag.FATAL,
                true, T0.plusSeconds(3600), "*/5 * * * *", Map.of("quote", "it's \"x\"", "n", 7), new App.Progress(5, 9),
                T0, T0.plusSeconds(10));
        App two = App.restore("a2", "other-group", null, RunStatus.IDLE, CommandFlag.NONE,
                FatalFlag.NO_FATAL, false, null, null, Map.of(), new App.Progress(0, 0),
                T0, T0.plusMillis(20_123));
        db().inTransaction(() -> {
            apps.lockAll(List.of("a1", "a2"));
            apps.updateAll(List.of(one, two));
            return null;
        });
        for (App want : List.of(one, two)) {
            App got = db().inTransaction(() -> apps.find(want.app()).orElseThrow());
            assertEquals(want.group(), got.group(), want.app());
            assertEquals(want.parent(), got.parent(), want.app());
            assertEquals(want.runStatus(), got.runStatus(), want.app());
            assertEquals(want.commandFlag(), got.commandFlag(), want.app());
            assertEquals(want.fatalFlag(), got.fatalFlag(), want.app());
            assertEquals(want.disabled(), got.disabled(), want.app());
            assertEquals(want.nextRun(), got.nextRun(), want.app());
            assertEquals(want.schedule(), got.schedule(), want.app());
            assertEquals(new java.util.TreeMap<>(want.settings()).toString(),
                    new java.util.TreeMap<>(got.settings()).toString(), want.app());
            assertEquals(want.progress(), got.progress(), want.app());
            assertEquals(want.updatedAt(), got.updatedAt(), want.app());
        }
        App untouched = db().inTransaction(() -> apps.find("untouched").orElseThrow());
        assertEquals("g", untouched.group());
        assertEquals(T0, untouched.updatedAt());
    }

    @Test
    void search_filters_pages_and_joins_the_latest_runtime() {
        register("scraper_a", "scrapers", "registry");
        register("scraper_b", "scrapers", "court");
        register("processor_c", "processors", "registry");
        db().inTransaction(() -> {
            runtimes.upsert(new AppRuntime("r1", "scraper_a", T0, T0.plusSeconds(60), RuntimeStatus.COMPLETED, 10, 9, 1));
            runtimes.upsert(new AppRuntime("r2", "scraper_a", T0.plusSeconds(120), null, RuntimeStatus.RUNNING, 0, 0, 0));
            return null;
        });
        ResultPage<AppSummary> scrapers = db().inTransaction(() -> apps.search(new AppQuery("scrapers", null, null,
                null, null, null, null, null, false, 1, 20)));
        assertEquals(2, scrapers.total());
        assertEquals("scraper_a", scrapers.items().get(0).app().app());
        assertEquals("r2", scrapers.items().get(0).lastRuntime().runtime());
        assertNull(scrapers.items().get(1).lastRuntime());
        ResultPage<AppSummary> searched = db().inTransaction(() -> apps.search(new AppQuery(null, null, null, null,
                null, null, "REGISTRY", AppQuery.Sort.APP, true, 1, 1)));
        assertEquals(2, searched.total());
        assertEquals(1, searched.items().size());
        assertEquals("scraper_a", searched.items().get(0).app().app());
        ResultPage<AppSummary> globbed = db().inTransaction(() -> apps.search(new AppQuery(null, null, "proc*", null,
                null, false, null, null, false, 1, 20)));
        assertEquals(List.of("processor_c"), globbed.items().stream().map(s -> s.app().app()).toList());
        List<App> locked = db().inTransaction(() -> apps.lockMatching(new AppFilter(null, "registry", "*_?", null), 10));
        assertEquals(List.of("processor_c", "scraper_a"), locked.stream().map(App::app).toList());
        ResultPage<AppRuntime> page = db().inTransaction(() -> runtimes.search(new RuntimeRepository.Query("scraper_a",
                null, null, null, 1, 10)));
        assertEquals(List.of("r2", "r1"), page.items().stream().map(AppRuntime::runtime).toList());
    }

    @Test
    void runtimes_upsert_and_report_what_they_replaced() {
        register("scraper_a", "scrapers", null);
        AppRuntime running = new AppRuntime("r1", "scraper_a", T0, null, RuntimeStatus.RUNNING, 0, 0, 0);
        assertTrue(db().inTransaction(() -> runtimes.upsert(running)).isEmpty());
        AppRuntime done = new AppRuntime("r1", "scraper_a", T0, T0.plusSeconds(9), RuntimeStatus.COMPLETED, 5, 5, 0);
        assertEquals(running, db().inTransaction(() -> runtimes.upsert(done)).orElseThrow());
        assertEquals(done, db().inTransaction(() -> runtimes.find("r1").orElseThrow()));
    }

    @Test
    void outbox_keeps_order_locks_pending_and_marks_sent() {
        List<Command> appended = db().inTransaction(() -> outbox.append(List.of(cmd("a", CommandType.START),
                cmd("b", CommandType.STOP), cmd("a", CommandType.STOP))));
        assertTrue(appended.get(0).sequence() < appended.get(1).sequence());
        assertTrue(appended.get(1).sequence() < appended.get(2).sequence());
        List<Command> pending = db().inTransaction(() -> outbox.lockPending(2));
        assertEquals(List.of(appended.get(0).id(), appended.get(1).id()), pending.stream().map(Command::id).toList());
        db().inTransaction(() -> {
            outbox.markSent(List.of(appended.get(0).id()), T0);
            return null;
        });
        assertEquals(2, db().inTransaction(() -> outbox.countPending()));
        assertEquals(List.of(appended.get(2).id()), db().inTransaction(() -> outbox.list("a", false, 0, 10)).stream()
                .map(Command::id).toList());
        Command sent = db().inTransaction(() -> outbox.list("a", true, 0, 10)).get(0);
        assertEquals(T0, sent.sentAt());
        assertEquals("g.a", sent.routingKey());
    }

    @Test
    void a_rolled_back_command_is_not_in_the_outbox() {
        assertThrows(IllegalStateException.class, () -> db().inTransaction(() -> {
            outbox.append(List.of(cmd("a", CommandType.START)));
            throw new IllegalStateException("crash before commit");
        }));
        assertEquals(0, db().inTransaction(() -> outbox.countPending()));
    }

    @Test
    void tasks_aggregate_throughput_and_errors() {
        db().inTransaction(() -> {
            tasks.upsert(task("t1", "invoice", TaskStatus.COMPLETED, 10));
            tasks.upsert(task("t2", "invoice", TaskStatus.FAILED, 20));
            tasks.upsert(task("t3", "contract", TaskStatus.RUNNING, 0));
            return null;
        });
        assertTrue(db().inTransaction(() -> tasks.upsert(task("t1", "invoice", TaskStatus.COMPLETED, 10))).isPresent());
        List<PipelineTaskRepository.Throughput> t = db().inTransaction(() -> tasks.throughput(T0.minusSeconds(1),
                T0.plusSeconds(3600)));
        assertEquals(2, t.size());
        PipelineTaskRepository.Throughput invoice = t.get(1);
        assertEquals("invoice", invoice.documentType());
        assertEquals(2, invoice.totalTasks());
        assertEquals(1, invoice.completed());
        assertEquals(1, invoice.failed());
        assertEquals(15.0, invoice.avgDurationSeconds());
        List<PipelineTaskRepository.TypeErrors> errors = db().inTransaction(() -> tasks.errors(T0.minusSeconds(1),
                T0.plusSeconds(3600), 5));
        assertEquals(1, errors.size());
        assertEquals(List.of("boom"), errors.get(0).recent().get(0).errors());
        assertEquals(1, db().inTransaction(() -> tasks.search(new PipelineTaskRepository.Query(null, TaskStatus.FAILED,
                null, 1, 10))).total());
    }

    @Test
    void function_logs_are_stored_once_and_aggregate() {
        FunctionLog l1 = new FunctionLog("f1", "a", "process_records", "r1", 1500, 1400, 100, 40.0, T0);
        assertTrue(db().inTransaction(() -> functions.insertIfAbsent(l1)));
        assertFalse(db().inTransaction(() -> functions.insertIfAbsent(l1)), "a redelivered log is stored once");
        db().inTransaction(() -> functions.insertIfAbsent(new FunctionLog("f2", "a", "process_records", "r1", 500,
                500, 0, 50.0, T0.plusSeconds(60))));
        db().inTransaction(() -> functions.insertIfAbsent(new FunctionLog("f3", "a", "fetch", "r1", 1, 1, 0, 1.0,
                T0.plusSeconds(60))));
        List<FunctionLogRepository.FunctionStats> slowest = db().inTransaction(() -> functions.slowest(1, null, null));
        assertEquals(1, slowest.size());
        assertEquals("process_records", slowest.get(0).functionName());
        assertEquals(45.0, slowest.get(0).avgSeconds());
        assertEquals(50.0, slowest.get(0).maxSeconds());
        assertEquals(1000.0, slowest.get(0).avgTaskSize());
        assertEquals(2, slowest.get(0).totalCalls());
        assertEquals(3, db().inTransaction(() -> functions.search(new FunctionLogRepository.Query("a", null, null,
                null, 1, 10))).total());
        assertEquals(List.of("f2", "f3"), db().inTransaction(() -> functions.between("a", null, T0.plusSeconds(1),
                T0.plusSeconds(3600), 10)).stream().map(FunctionLog::id).toList());
    }

    private static PipelineTask task(String id, String type, TaskStatus status, int seconds) {
        Instant end = status == TaskStatus.RUNNING ? null : T0.plusSeconds(seconds);
        return new PipelineTask(id, type, "ocr", status, status == TaskStatus.FAILED ? List.of("boom") : List.of(), 0,
                T0, T0, end, T0.plusSeconds(seconds));
    }

    /**
     * Two relays (two instances) on one database, racing while commands keep being issued: every outbox row is
     * published exactly once (no publish fails here) and, in the order the publishes happened, the commands of each
     * app come in sequence order. The relay's lock on the pending rows is what makes this hold: the second relay waits
     * for the first to commit and then skips what it marked sent.
     */
    @Test
    void two_relays_on_one_database_publish_each_command_once_and_in_order_per_app() throws Exception {
        int apps = 12;
        int rounds = 40;
        int perRound = 25;
        List<Command> published = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger concurrent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
        io.quarterdeck.application.port.out.apps.CommandPublisher bus =
                new io.quarterdeck.application.port.out.apps.CommandPublisher() {
                    @Override
                    public boolean configured() {
                        return true;
                    }

                    @Override
                    public void publish(List<Command> commands) {
                        if (concurrent.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        try {
                            published.addAll(commands);
                            Thread.sleep(3); // the wait for the broker's confirms, widening the race
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        } finally {
                            concurrent.decrementAndGet();
                        }
                    }
                };
        var relay = new io.quarterdeck.application.apps.CommandRelayService(outbox, bus,
                java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
        java.util.concurrent.atomic.AtomicBoolean issuing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.concurrent.Future<List<Command>> issuer = pool.submit(() -> {
                List<Command> issued = new java.util.ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    List<Command> batch = new java.util.ArrayList<>();
                    for (int i = 0; i < perRound; i++) {
                        batch.add(cmd("app" + (r * perRound + i) % apps, CommandType.START));
                    }
                    issued.addAll(db().inTransaction(() -> outbox.append(batch)));
                    Thread.sleep(2);
                }
                issuing.set(false);
                return issued;
            });
            java.util.concurrent.Callable<Integer> relayLoop = () -> {
                int n = 0;
                while (true) {
                    boolean more = issuing.get();
                    int sent = db().inTransaction(() -> relay.relay(37));
                    n += sent;
                    if (sent == 0 && !more && db().number("select count(*) from command_outbox where sent_at is null")
                            == 0) {
                        return n;
                    }
                    if (sent == 0) {
                        Thread.sleep(1);
                    }
                }
            };
            var first = pool.submit(relayLoop);
            var second = pool.submit(relayLoop);
            List<Command> issued = issuer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            int byFirst = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
            int bySecond = second.get(60, java.util.concurrent.TimeUnit.SECONDS);

            assertEquals(rounds * perRound, issued.size());
            assertEquals(issued.size(), byFirst + bySecond, "each relay counts what it marked sent");
            assertTrue(byFirst > 0 && bySecond > 0, "both relays took part: " + byFirst + " and " + bySecond);
            assertEquals(0, overlaps.get(), "two relays were waiting for confirms at the same time");
            List<String> ids = published.stream().map(Command::id).toList();
            assertEquals(issued.size(), ids.size(), "published exactly once each");
            assertEquals(issued.stream().map(Command::id).collect(java.util.stream.Collectors.toSet()),
                    new java.util.HashSet<>(ids));
            Map<String, Long> last = new java.util.HashMap<>();
            for (Command c : published) {
                Long before = last.put(c.app(), c.sequence());
                assertTrue(before == null || before < c.sequence(), c.app() + ": sequence " + c.sequence()
                        + " published after " + before);
            }
            assertEquals(0, db().number("select count(*) from command_outbox where sent_at is null"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Command cmd(String app, CommandType type) {
        return new Command(UUID.randomUUID().toString(), 0, app, "g", type, "alice", T0, null);
    }

    static RunStatus unused() {
        return RunStatus.IDLE;
    }
}

package io.quarterdeck.application.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.apps.CommandAppsUseCase;
import io.quarterdeck.application.port.out.apps.AppEventPublisher;
import io.quarterdeck.application.port.out.apps.AppFilter;
import io.quarterdeck.application.port.out.apps.CommandBusUnavailableException;
import io.quarterdeck.application.port.out.apps.CommandPublisher;
import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.CommandFlag;
import io.quarterdeck.domain.apps.CommandRefusedException;
import io.quarterdeck.domain.apps.CommandType;
import io.quarterdeck.domain.apps.FatalFlag;
import io.quarterdeck.domain.apps.PipelineTask;
import io.quarterdeck.domain.apps.RunStatus;
import io.quarterdeck.domain.apps.RuntimeStatus;
import io.quarterdeck.domain.apps.TaskStatus;
import io.quarterdeck.domain.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppServiceTest {
    static final Instant T0 = Instant.parse("2026-01-15T07:30:00Z");
    InMemoryAppStores stores;
    List<String> events;
    AppService service;

    @BeforeEach
    void setUp() {
        stores = new InMemoryAppStores();
        events = new ArrayList<>();
        AppTransactions tx = new AppTransactions(stores.appRepository, stores.commandOutbox, stores.runtimeRepository,
                stores.taskRepository, stores.functionRepository, Clock.fixed(T0, ZoneOffset.UTC));
        service = new AppService(tx, List.of(new Recorder()));
    }

    private void register(String app, String group) {
        service.register(new App.Registration(app, group, "p", null, Map.of(), null));
    }

    @Test
    void a_command_is_stored_with_the_flag_and_announced() {
        register("a", "g");
        Command c = service.issue("alice", "a", CommandType.START);
        assertEquals(1, c.sequence());
        assertEquals(CommandFlag.START, stores.apps.get("a").commandFlag());
        assertEquals(List.of(c), stores.outbox);
        assertEquals(List.of("command a START"), events);
        assertThrows(NotFoundException.class, () -> service.issue("alice", "nope", CommandType.START));
    }

    @Test
    void a_refused_command_changes_nothing() {
        register("a", "g");
        service.reportStatus("a", new App.StatusReport(RunStatus.RUNNING, null, null, null, null));
        events.clear();
        assertThrows(CommandRefusedException.class, () -> service.issue("alice", "a", CommandType.START));
        assertTrue(stores.outbox.isEmpty());
        assertEquals(CommandFlag.NONE, stores.apps.get("a").commandFlag());
        assertTrue(events.isEmpty());
    }

    @Test
    void bulk_sends_to_the_apps_that_accept_and_says_why_the_others_refused() {
        register("a", "g");
        register("b", "g");
        register("c", "g");
        register("other", "h");
        service.reportStatus("b", new App.StatusReport(RunStatus.RUNNING, null, null, null, null));
        service.issue("alice", "c", CommandType.DISABLE);
        CommandAppsUseCase.BulkOutcome o = service.bulk("bob", new AppFilter("g", null, null, null), CommandType.START);
        assertEquals(List.of("a"), o.sent().stream().map(Command::app).toList());
        assertEquals(List.of("b", "c"), o.refused().stream().map(CommandAppsUseCase.Refusal::app).toList());
        assertTrue(o.refused().get(1).reason().contains("disabled"));
        assertEquals("bob", o.sent().get(0).actor());
    }

    @Test
    void the_same_reports_twice_publish_their_events_once() {
        register("a", "g");
        App.StatusReport fatal = new App.StatusReport(RunStatus.FAILED, FatalFlag.FATAL, null, null, null);
        service.reportStatus("a", fatal);
        service.reportStatus("a", fatal);
        AppRuntime running = new AppRuntime("r1", "a", T0, null, RuntimeStatus.RUNNING, 0, 0, 0);
        AppRuntime done = new AppRuntime("r1", "a", T0, T0.plusSeconds(5), RuntimeStatus.COMPLETED, 3, 3, 0);
        service.reportRuntime(running);
        service.reportRuntime(running);
        service.reportRuntime(done);
        service.reportRuntime(done);
        PipelineTask task = new PipelineTask("t1", "invoice", "ocr", TaskStatus.RUNNING, List.of(), 0, T0, T0, null, T0);
        service.reportTask(task);
        service.reportTask(task);
        assertEquals(List.of("status a IDLE->FAILED", "fatal a", "runtime started r1", "runtime completed r1",
                "task t1 ocr RUNNING"), events);
        assertThrows(NotFoundException.class, () -> service.reportRuntime(new AppRuntime("r2", "ghost", T0, null,
                RuntimeStatus.RUNNING, 0, 0, 0)));
    }

    @Test
    void a_batch_of_reports_ends_in_the_state_of_the_same_reports_one_by_one() {
        App.Registration reg = new App.Registration("a", "g", "p", "0 8 * * *", Map.of("depth", 2), null);
        io.quarterdeck.application.port.in.apps.Reports.AppStatus running =
                new io.quarterdeck.application.port.in.apps.Reports.AppStatus("a",
                        new App.StatusReport(RunStatus.RUNNING, null, null, new App.Progress(5, 50), null));
        AppRuntime r = new AppRuntime("r1", "a", T0, null, RuntimeStatus.RUNNING, 0, 0, 0);
        service.reportAll(List.of(reg, running, r, running, reg));
        App a = stores.apps.get("a");
        assertEquals(RunStatus.RUNNING, a.runStatus());
        assertEquals(new App.Progress(5, 50), a.progress());
        assertEquals("g", a.group());
        assertEquals(List.of("status a IDLE->RUNNING", "runtime started r1"), events);
        assertThrows(NotFoundException.class, () -> service.reportAll(List.of(
                new io.quarterdeck.application.port.in.apps.Reports.AppStatus("ghost", running.report()))));
    }

    @Test
    void the_relay_marks_sent_only_what_the_bus_confirmed() {
        register("a", "g");
        service.issue("alice", "a", CommandType.START);
        service.issue("alice", "a", CommandType.DISABLE);
        List<List<String>> published = new ArrayList<>();
        boolean[] down = {true};
        CommandPublisher bus = new CommandPublisher() {
            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public void publish(List<Command> commands) {
                if (down[0]) {
                    throw new CommandBusUnavailableException("down", null);
                }
                published.add(commands.stream().map(c -> c.type().name()).toList());
            }
        };
        CommandRelayService relay = new CommandRelayService(stores.commandOutbox, bus, Clock.fixed(T0, ZoneOffset.UTC));
        assertThrows(CommandBusUnavailableException.class, () -> relay.relay(10));
        assertEquals(2, relay.pending());
        down[0] = false;
        assertEquals(2, relay.relay(10));
        assertEquals(List.of(List.of("START", "DISABLE")), published);
        assertEquals(0, relay.pending());
        assertEquals(0, relay.relay(10));
    }

    final class Recorder implements AppEventPublisher {
        @Override
        public void appStatusChanged(String app, RunStatus oldStatus, RunStatus newStatus) {
            events.add("status " + app + " " + oldStatus + "->" + newStatus);
        }

        @Override
        public void commandIssued(Command command) {
            events.add("command " + command.app() + " " + command.type());
        }

        @Override
        public void appFatal(String app) {
            events.add("fatal " + app);
        }

        @Override
        public void runtimeStarted(AppRuntime runtime) {
            events.add("runtime started " + runtime.runtime());
        }

        @Override
        public void runtimeCompleted(AppRuntime runtime) {
            events.add("runtime completed " + runtime.runtime());
        }

        @Override
        public void taskUpdated(PipelineTask task) {
            events.add("task " + task.taskId() + " " + task.stage() + " " + task.status());
        }
    }
}

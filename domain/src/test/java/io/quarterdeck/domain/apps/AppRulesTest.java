package io.quarterdeck.domain.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppRulesTest {
    private static final Instant T0 = Instant.parse("2026-01-15T07:30:00Z");

    private static App app() {
        return App.register(new App.Registration("scraper_a", "scrapers", "registry", "0 8 * * *",
                Map.of("depth", 3), null), T0);
    }

    private static App.StatusReport status(RunStatus s) {
        return new App.StatusReport(s, null, null, null, null);
    }

    @Test
    void a_new_app_is_idle_without_flags() {
        App a = app();
        assertEquals(RunStatus.IDLE, a.runStatus());
        assertEquals(CommandFlag.NONE, a.commandFlag());
        assertEquals(FatalFlag.NO_FATAL, a.fatalFlag());
        assertFalse(a.disabled());
    }

    @Test
    void start_sets_the_flag_and_running_clears_it() {
        App a = app();
        a.issue(CommandType.START, T0);
        assertEquals(CommandFlag.START, a.commandFlag());
        App.StatusChange change = a.report(status(RunStatus.RUNNING), T0);
        assertEquals(CommandFlag.NONE, a.commandFlag());
        assertTrue(change.statusChanged());
        assertTrue(change.flagCleared());
        App.StatusChange again = a.report(status(RunStatus.RUNNING), T0);
        assertFalse(again.statusChanged(), "a redelivered report changes nothing twice");
        assertFalse(again.flagCleared());
    }

    @Test
    void no_start_while_running() {
        App a = app();
        a.report(status(RunStatus.RUNNING), T0);
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> a.issue(CommandType.START, T0));
        assertTrue(e.getMessage().contains("RUNNING"), e.getMessage());
    }

    @Test
    void the_same_command_twice_while_pending_is_refused() {
        App a = app();
        a.issue(CommandType.START, T0);
        assertThrows(CommandRefusedException.class, () -> a.issue(CommandType.START, T0));
    }

    @Test
    void stop_needs_a_running_app_and_a_stopped_report_clears_it() {
        App a = app();
        assertThrows(CommandRefusedException.class, () -> a.issue(CommandType.STOP, T0));
        a.report(status(RunStatus.RUNNING), T0);
        a.issue(CommandType.STOP, T0);
        a.report(status(RunStatus.STOPPING), T0);
        assertEquals(CommandFlag.STOP, a.commandFlag());
        a.report(status(RunStatus.STOPPED), T0);
        assertEquals(CommandFlag.NONE, a.commandFlag());
    }

    @Test
    void reset_only_when_fatal_and_it_clears_the_fatal_flag() {
        App a = app();
        assertThrows(CommandRefusedException.class, () -> a.issue(CommandType.RESET, T0));
        App.StatusChange c = a.report(new App.StatusReport(RunStatus.FAILED, FatalFlag.FATAL, null, null, null), T0);
        assertTrue(c.becameFatal());
        assertThrows(CommandRefusedException.class, () -> a.issue(CommandType.START, T0));
        a.issue(CommandType.RESET, T0);
        assertEquals(FatalFlag.NO_FATAL, a.fatalFlag());
        assertEquals(CommandFlag.RESET, a.commandFlag());
        a.report(new App.StatusReport(null, null, CommandFlag.NONE, null, null), T0);
        assertEquals(CommandFlag.NONE, a.commandFlag());
    }

    @Test
    void a_disabled_app_accepts_only_enable() {
        App a = app();
        a.issue(CommandType.DISABLE, T0);
        assertTrue(a.disabled());
        for (CommandType c : new CommandType[] {CommandType.START, CommandType.STOP, CommandType.RESTART,
                CommandType.RESET, CommandType.DISABLE}) {
            CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> a.issue(c, T0));
            assertTrue(e.reason().contains("disabled"), e.reason());
        }
        a.issue(CommandType.ENABLE, T0);
        assertFalse(a.disabled());
        assertThrows(CommandRefusedException.class, () -> a.issue(CommandType.ENABLE, T0));
    }

    @Test
    void a_manager_may_only_clear_the_flag() {
        assertThrows(InvalidFieldException.class,
                () -> new App.StatusReport(null, null, CommandFlag.START, null, null));
    }

    @Test
    void eta_from_throughput() {
        App a = app();
        a.report(new App.StatusReport(RunStatus.RUNNING, null, null, new App.Progress(1000, 3000), null), T0);
        // 1,000 items in 10 minutes: 2,000 left take 20 minutes.
        assertEquals(Duration.ofMinutes(20), a.eta(T0, T0.plus(Duration.ofMinutes(10))).orElseThrow());
        a.report(status(RunStatus.IDLE), T0);
        assertTrue(a.eta(T0, T0.plusSeconds(60)).isEmpty());
    }

    @Test
    void names_and_globs() {
        assertThrows(InvalidFieldException.class, () -> AppNames.name("app", "has space"));
        assertThrows(InvalidFieldException.class, () -> AppNames.name("app", ""));
        assertTrue(AppNames.globMatches("scraper_*", "scraper_company"));
        assertTrue(AppNames.globMatches("s?raper*y", "scraper_company"));
        assertFalse(AppNames.globMatches("scraper_*", "processor_x"));
        assertFalse(AppNames.globMatches("*a*a*a*a*a*a*a*a*b", "a".repeat(100)));
    }

    @Test
    void runtimes_and_tasks_validate() {
        assertThrows(InvalidFieldException.class, () -> new AppRuntime("r1", "a", T0, null, RuntimeStatus.COMPLETED,
                0, 0, 0));
        assertThrows(InvalidFieldException.class, () -> new AppRuntime("r1", "a", T0, T0.minusSeconds(1),
                RuntimeStatus.COMPLETED, 0, 0, 0));
        assertThrows(InvalidFieldException.class, () -> new FunctionLog("f1", "a", "fn", null, 1, 1, 0, Double.NaN, T0));
    }
}

package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.JsonValues;
import io.quarterdeck.domain.shared.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An app a manager runs, identified by its name ({@code app}, which is also its id on every surface). The rules of
 * commands live here: a disabled app accepts only ENABLE; START and RESTART need an app that is neither running
 * (START) nor fatal; STOP needs a running app; RESET needs a fatal flag; the same command twice while it is pending
 * is refused. An accepted command becomes the app's command flag; the manager's status report clears it when it
 * fulfils the command (RUNNING for START/RESTART, any stopped state for STOP) or explicitly.
 */
public final class App {
    public static final int MAX_SCHEDULE = 200;
    public static final int MAX_SETTINGS_CHARS = 16_384;

    private final String app;
    private final Instant registeredAt;
    private String group;
    private String parent;
    private RunStatus runStatus;
    private CommandFlag commandFlag;
    private FatalFlag fatalFlag;
    private boolean disabled;
    private Instant nextRun;
    private String schedule;
    private Map<String, Object> settings;
    private Progress progress;
    private Instant updatedAt;

    private App(String app, Instant registeredAt) {
        this.app = AppNames.name("app", app);
        this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** A new app as its manager registers it: IDLE, no command, no fatal flag, enabled. */
    public static App register(Registration r, Instant at) {
        App a = new App(r.app(), at);
        a.runStatus = RunStatus.IDLE;
        a.commandFlag = CommandFlag.NONE;
        a.fatalFlag = FatalFlag.NO_FATAL;
        a.settings = Map.of();
        a.progress = Progress.NONE;
        a.updatedAt = at;
        a.apply(r);
        return a;
    }

    /** Rebuilds an app from storage; no rule is applied. */
    public static App restore(String app, String group, String parent, RunStatus runStatus, CommandFlag commandFlag,
                              FatalFlag fatalFlag, boolean disabled, Instant nextRun, String schedule,
                              Map<String, Object> settings, Progress progress, Instant registeredAt, Instant updatedAt) {
        App a = new App(app, registeredAt);
        a.group = group;
        a.parent = parent;
        a.runStatus = Objects.requireNonNull(runStatus, "runStatus");
        a.commandFlag = Objects.requireNonNull(commandFlag, "commandFlag");
        a.fatalFlag = Objects.requireNonNull(fatalFlag, "fatalFlag");
        a.disabled = disabled;
        a.nextRun = nextRun;
        a.schedule = schedule;
        a.settings = settings == null ? Map.of() : settings;
        a.progress = progress == null ? Progress.NONE : progress;
        a.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        return a;
    }

    /** The manager registers the app again: group, parent, schedule, settings and next run as given (when given). */
    public boolean reRegister(Registration r, Instant at) {
        String before = describe();
        apply(r);
        boolean changed = !before.equals(describe());
        if (changed) {
            updatedAt = at;
        }
        return changed;
    }

    private String describe() {
        return group + "|" + parent + "|" + schedule + "|" + settings + "|" + nextRun;
    }

    private void apply(Registration r) {
        if (!r.app().equals(app)) {
            throw new InvalidFieldException("app", "does not name this app");
        }
        if (r.group() != null) {
            group = r.group();
        }
        if (r.parent() != null) {
            parent = r.parent();
        }
        if (r.schedule() != null) {
            schedule = r.schedule();
        }
        if (r.settings() != null) {
            settings = r.settings();
        }
        if (r.nextRun() != null) {
            nextRun = r.nextRun();
        }
    }

    /** Why the app refuses the command, or empty when it accepts it. */
    public Optional<String> refusal(CommandType c) {
        if (disabled && c != CommandType.ENABLE) {
            return Optional.of("the app is disabled; only ENABLE is accepted");
        }
        if (commandFlag != CommandFlag.NONE && commandFlag == CommandFlag.of(c)) {
            return Optional.of(c + " is already pending");
        }
        return switch (c) {
            case START -> runStatus == RunStatus.RUNNING ? Optional.of("the app is RUNNING")
                    : fatalFlag == FatalFlag.FATAL ? Optional.of("the app is FATAL; RESET it first") : Optional.empty();
            case RESTART -> fatalFlag == FatalFlag.FATAL ? Optional.of("the app is FATAL; RESET it first")
                    : Optional.empty();
            case STOP -> runStatus == RunStatus.RUNNING || runStatus == RunStatus.SCHEDULED ? Optional.empty()
                    : Optional.of("the app is " + runStatus + ", not RUNNING");
            case RESET -> fatalFlag == FatalFlag.FATAL ? Optional.empty() : Optional.of("the app is not FATAL");
            case ENABLE -> disabled ? Optional.empty() : Optional.of("the app is already enabled");
            case DISABLE -> Optional.empty();
        };
    }

    /**
     * Accepts the command or throws {@link CommandRefusedException} saying why. The command becomes the command flag;
     * ENABLE and DISABLE change {@code disabled} at once and RESET clears the fatal flag at once (the manager is told
     * by the command).
     */
    public void issue(CommandType c, Instant at) {
        refusal(c).ifPresent(reason -> {
            throw new CommandRefusedException(app, c, reason);
        });
        commandFlag = CommandFlag.of(c);
        switch (c) {
            case ENABLE -> disabled = false;
            case DISABLE -> disabled = true;
            case RESET -> fatalFlag = FatalFlag.NO_FATAL;
            default -> {
            }
        }
        updatedAt = at;
    }

    /**
     * The manager's status report. The command flag is cleared when the report fulfils it, or when the report says
     * {@code NONE} explicitly (the manager acknowledged). Returns what changed, for events; the same report twice
     * changes nothing the second time.
     */
    public StatusChange report(StatusReport r, Instant at) {
        RunStatus oldStatus = runStatus;
        FatalFlag oldFatal = fatalFlag;
        CommandFlag oldFlag = commandFlag;
        if (r.runStatus() != null) {
            runStatus = r.runStatus();
        }
        if (r.fatalFlag() != null) {
            fatalFlag = r.fatalFlag();
        }
        if (r.progress() != null) {
            progress = r.progress();
        }
        if (r.nextRun() != null) {
            nextRun = r.nextRun();
        }
        if (r.commandFlag() == CommandFlag.NONE || fulfils(oldFlag, r.runStatus())) {
            commandFlag = CommandFlag.NONE;
        }
        StatusChange change = new StatusChange(app, oldStatus, runStatus, oldFatal != FatalFlag.FATAL
                && fatalFlag == FatalFlag.FATAL, oldFlag != commandFlag);
        updatedAt = at;
        return change;
    }

    private static boolean fulfils(CommandFlag flag, RunStatus reported) {
        if (reported == null) {
            return false;
        }
        return switch (flag) {
            case START, RESTART -> reported == RunStatus.RUNNING;
            case STOP -> reported != RunStatus.RUNNING && reported != RunStatus.STOPPING;
            default -> false;
        };
    }

    /** An operator's change of configuration: only what is given changes. */
    public void configure(Configuration c, Instant at) {
        if (c.group() != null) {
            group = c.group();
        }
        if (c.parent() != null) {
            parent = c.parent();
        }
        if (c.schedule() != null) {
            schedule = c.schedule();
        }
        if (c.settings() != null) {
            settings = c.settings();
        }
        if (c.disabled() != null) {
            disabled = c.disabled();
        }
        updatedAt = at;
    }

    /**
     * Time left at the throughput seen since {@code started} (the current runtime's start): items left divided by items
     * done per second. Empty when nothing is running, nothing is done yet or the total is unknown.
     */
    public Optional<Duration> eta(Instant started, Instant now) {
        if (runStatus != RunStatus.RUNNING || started == null || progress.total() <= 0 || progress.current() <= 0
                || !now.isAfter(started)) {
            return Optional.empty();
        }
        long left = Math.max(0, progress.total() - progress.current());
        double perMilli = (double) progress.current() / Duration.between(started, now).toMillis();
        return Optional.of(Duration.ofMillis(Math.round(left / perMilli)));
    }

    public String app() {
        return app;
    }

    public String group() {
        return group;
    }

    public String parent() {
        return parent;
    }

    public RunStatus runStatus() {
        return runStatus;
    }

    public CommandFlag commandFlag() {
        return commandFlag;
    }

    public FatalFlag fatalFlag() {
        return fatalFlag;
    }

    public boolean disabled() {
        return disabled;
    }

    public Instant nextRun() {
        return nextRun;
    }

    public String schedule() {
        return schedule;
    }

    public Map<String, Object> settings() {
        return settings;
    }

    public Progress progress() {
        return progress;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Progress of the current run: items done of items known. */
    public record Progress(long current, long total) {
        public static final Progress NONE = new Progress(0, 0);

        public Progress {
            if (current < 0 || total < 0) {
                throw new InvalidFieldException("progress", "must not be negative");
            }
        }
    }

    /** What a manager registers. Null fields are left as they are. */
    public record Registration(String app, String group, String parent, String schedule, Map<String, Object> settings,
                               Instant nextRun) {
        public Registration {
            app = AppNames.name("app", app);
            group = AppNames.optional("group", group);
            parent = AppNames.optional("parent", parent);
            schedule = schedule == null ? null : Text.line("schedule", schedule, MAX_SCHEDULE);
            settings = settings == null ? null : checkedSettings(settings);
        }
    }

    /** What an operator may change with PATCH. Null fields are left as they are. */
    public record Configuration(String group, String parent, String schedule, Map<String, Object> settings,
                                Boolean disabled) {
        public Configuration {
            group = AppNames.optional("group", group);
            parent = AppNames.optional("parent", parent);
            schedule = schedule == null ? null : Text.line("schedule", schedule, MAX_SCHEDULE);
            settings = settings == null ? null : checkedSettings(settings);
        }
    }

    /** A manager's report of an app's state. Null fields are left as they are. */
    public record StatusReport(RunStatus runStatus, FatalFlag fatalFlag, CommandFlag commandFlag, Progress progress,
                               Instant nextRun) {
        public StatusReport {
            if (commandFlag != null && commandFlag != CommandFlag.NONE) {
                throw new InvalidFieldException("command_flag", "a manager may only clear it (NONE)");
            }
        }
    }

    /** What a status report changed. */
    public record StatusChange(String app, RunStatus oldStatus, RunStatus newStatus, boolean becameFatal,
                               boolean flagCleared) {
        public boolean statusChanged() {
            return oldStatus != newStatus;
        }
    }

    static Map<String, Object> checkedSettings(Map<String, Object> settings) {
        Map<String, Object> frozen;
        try {
            frozen = JsonValues.freeze(settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("settings", "must be a JSON object");
        }
        if (JsonValues.estimatedSize(frozen) > MAX_SETTINGS_CHARS || JsonValues.depth(frozen) > 8) {
            throw new InvalidFieldException("settings", "must be at most " + MAX_SETTINGS_CHARS
                    + " characters as JSON and 8 levels deep");
        }
        return frozen;
    }
}

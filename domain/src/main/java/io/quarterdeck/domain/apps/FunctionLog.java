package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Instant;
import java.util.Objects;

/**
 * One call of a function of an app as its manager measured it: the task size, how many items were solved and failed
 * and how long it took. {@code id} is the reporter's; the same id twice is stored once.
 */
public record FunctionLog(String id, String app, String functionName, String runtime, long taskSize, long solved,
                          long failed, double durationSeconds, Instant loggedAt) {
    public FunctionLog {
        id = AppNames.name("id", id);
        app = AppNames.name("app", app);
        functionName = AppNames.name("function_name", functionName);
        runtime = AppNames.optional("runtime", runtime);
        if (taskSize < 0 || solved < 0 || failed < 0) {
            throw new InvalidFieldException("task_size", "counts must not be negative");
        }
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds) || durationSeconds > 31_536_000) {
            throw new InvalidFieldException("duration_seconds", "must be between 0 and one year");
        }
        Objects.requireNonNull(loggedAt, "loggedAt");
    }
}

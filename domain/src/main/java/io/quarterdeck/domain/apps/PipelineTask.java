package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A document's way through a processing pipeline: its type, current stage and status, the errors met, how often it
 * was retried and when it started and finished. A report of the same task replaces the earlier one.
 */
public record PipelineTask(String taskId, String documentType, String stage, TaskStatus status, List<String> errors,
                           int retryCount, Instant createdAt, Instant startedAt, Instant finishedAt,
                           Instant updatedAt) {
    public static final int MAX_ERRORS = 20;
    public static final int MAX_ERROR_CHARS = 2_000;

    public PipelineTask {
        taskId = AppNames.name("task_id", taskId);
        documentType = AppNames.name("document_type", documentType);
        stage = Text.line("stage", stage, 100);
        if (status == null) {
            throw new InvalidFieldException("status", "is required");
        }
        errors = errors == null ? List.of() : List.copyOf(errors);
        if (errors.size() > MAX_ERRORS) {
            throw new InvalidFieldException("errors", "must hold at most " + MAX_ERRORS + " entries");
        }
        for (String e : errors) {
            if (e == null || e.length() > MAX_ERROR_CHARS) {
                throw new InvalidFieldException("errors", "entries must be 0 to " + MAX_ERROR_CHARS + " characters");
            }
        }
        if (retryCount < 0) {
            throw new InvalidFieldException("retry_count", "must not be negative");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        if (startedAt != null && finishedAt != null && finishedAt.isBefore(startedAt)) {
            throw new InvalidFieldException("finished_at", "must not be before started_at");
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** From start to finish, when both are known. */
    public Duration duration() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}

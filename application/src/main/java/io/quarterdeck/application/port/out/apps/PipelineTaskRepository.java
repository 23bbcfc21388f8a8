package io.quarterdeck.application.port.out.apps;

import io.quarterdeck.domain.apps.PipelineTask;
import io.quarterdeck.domain.apps.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pipeline tasks by id, and their aggregates. Every method joins the caller's transaction. */
public interface PipelineTaskRepository {
    /** Stores the task, replacing one of the same id; returns the one it replaced. */
    Optional<PipelineTask> upsert(PipelineTask task);

    Optional<PipelineTask> find(String taskId);

    /** Most recently updated first. */
    ResultPage<PipelineTask> search(Query query);

    /** Per document type, tasks created in [from, to). */
    List<Throughput> throughput(Instant from, Instant to);

    /** Per document type, failed tasks updated in [from, to), each with its newest failed tasks (at most {@code perType}). */
    List<TypeErrors> errors(Instant from, Instant to, int perType);

    record Query(String documentType, TaskStatus status, String stage, int page, int perPage) {
    }

    record Throughput(String documentType, long totalTasks, long completed, long failed, Double avgDurationSeconds) {
    }

    record TypeErrors(String documentType, long failedTasks, List<PipelineTask> recent) {
    }
}

package io.quarterdeck.application.port.out.apps;

import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.RuntimeStatus;
import java.time.Instant;
import java.util.Optional;

/** Runtimes by id. Every method joins the caller's transaction. */
public interface RuntimeRepository {
    /** Stores the runtime, replacing one of the same id; returns the one it replaced. */
    Optional<AppRuntime> upsert(AppRuntime runtime);

    Optional<AppRuntime> find(String runtime);

    /** Newest first by start. */
    ResultPage<AppRuntime> search(Query query);

    record Query(String app, RuntimeStatus status, Instant from, Instant to, int page, int perPage) {
    }
}

package io.quarterdeck.application.port.in.health;

import java.util.List;

/** Liveness (the process answers) and readiness (its dependencies answer). */
public interface CheckHealthUseCase {
    List<HealthCheck> liveness();

    List<HealthCheck> readiness();

    /**
     * The database and every other service Quarterdeck is configured to use, each probed now. A service that is not
     * configured is listed with {@code "configured": false}; none of these but the database decides readiness.
     */
    List<HealthCheck> dependencies();
}

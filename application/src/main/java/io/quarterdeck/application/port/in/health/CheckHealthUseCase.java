package io.quarterdeck.application.port.in.health;

import java.util.List;

/** Liveness (the process answers) and readiness (its dependencies answer). */
public interface CheckHealthUseCase {
    List<HealthCheck> liveness();

    List<HealthCheck> readiness();
}

package io.quarterdeck.application.port.out.alerting;

import io.quarterdeck.domain.alerting.Alert;
import java.util.List;
import java.util.Optional;

/** Alerts, firing and resolved. Every method joins the caller's transaction. */
public interface AlertRepository {
    /** Inserts or replaces by id. */
    void save(Alert alert);

    Optional<Alert> find(String id);

    /** The firing alerts of a rule, locked for the caller's transaction. */
    List<Alert> firingFor(String ruleId);

    /** Firing alerts, newest first. */
    List<Alert> firing(int limit);

    /** Firing and resolved alerts, newest first. */
    List<Alert> recent(int limit);
}

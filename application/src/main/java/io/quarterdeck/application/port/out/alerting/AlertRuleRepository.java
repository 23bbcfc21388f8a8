package io.quarterdeck.application.port.out.alerting;

import io.quarterdeck.domain.alerting.AlertRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Rules, and the per-rule claim that lets exactly one instance evaluate a rule per tick. */
public interface AlertRuleRepository {
    void save(AlertRule rule);

    Optional<AlertRule> find(String id);

    /** Oldest first. */
    List<AlertRule> list();

    boolean delete(String id);

    /**
     * Claims every enabled, evaluated rule whose next evaluation is due at {@code now}: sets its next evaluation to
     * {@code next} in one statement, so an instance that runs the same claim at the same time gets none of them.
     * Returns the ids this call claimed. Runs in a transaction of its own.
     */
    List<String> claimDue(Instant now, Instant next, String claim);
}

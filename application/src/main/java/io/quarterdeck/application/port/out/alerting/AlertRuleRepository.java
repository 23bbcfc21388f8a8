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

    /** Sets only the rule's last trigger time (an evaluation must not overwrite a change made meanwhile). */
    void markTriggered(String id, Instant at);

    /**
     * Claims every enabled, evaluated rule whose next evaluation is due at {@code now}: sets its next evaluation to
     * {@code next} in one statement, so an instance that runs the same claim at the same time gets none of them.
     * Returns the rules this call claimed, as they were when claimed. Runs in a transaction of its own.
     */
    List<AlertRule> claimDue(Instant now, Instant next, String claim);
}

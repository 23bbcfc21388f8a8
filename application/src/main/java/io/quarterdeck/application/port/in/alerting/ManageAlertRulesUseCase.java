package io.quarterdeck.application.port.in.alerting;

import io.quarterdeck.domain.alerting.AlertRule;
import java.util.List;

/** Alert rules and metric thresholds (rules whose condition is a metric). */
public interface ManageAlertRulesUseCase {
    List<AlertRule> list();

    AlertRule get(String id);

    AlertRule create(RuleCommand command);

    /** Replaces the rule's settings; a 404 when it does not exist. */
    AlertRule update(String id, RuleCommand command);

    /** Deletes the rule and resolves what it fires; a 404 when it does not exist. */
    void delete(String id);
}

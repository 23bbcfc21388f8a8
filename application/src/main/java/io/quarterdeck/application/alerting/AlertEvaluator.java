package io.quarterdeck.application.alerting;

import io.quarterdeck.application.port.in.alerting.AlertingSettings;
import io.quarterdeck.application.port.in.alerting.EvaluateAlertsUseCase;
import io.quarterdeck.application.port.out.alerting.AlertRuleRepository;
import io.quarterdeck.domain.alerting.AlertRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The evaluator's tick: claim the due rules (one statement; an instance running the same tick on the same database
 * claims none of them), then evaluate each in a transaction of its own, so one failing rule does not stop the others.
 */
@ApplicationScoped
public class AlertEvaluator implements EvaluateAlertsUseCase {
    private static final System.Logger LOG = System.getLogger(AlertEvaluator.class.getName());
    private final AlertRuleRepository rules;
    private final RuleEvaluation evaluation;
    private final AlertingSettings settings;
    private final Clock clock;

    @Inject
    public AlertEvaluator(AlertRuleRepository rules, RuleEvaluation evaluation, AlertingSettings settings,
                          Clock clock) {
        this.rules = rules;
        this.evaluation = evaluation;
        this.settings = settings;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected AlertEvaluator() {
        this(null, null, null, null);
    }

    @Override
    public int evaluateDue() {
        Instant now = clock.instant();
        // The next tick may claim again a little before a full interval has passed, so that ticks do not drift.
        Instant next = now.plus(settings.evaluationInterval()).minusMillis(
                Math.min(500, settings.evaluationInterval().toMillis() / 4));
        List<AlertRule> claimed = rules.claimDue(now, next, UUID.randomUUID().toString());
        int evaluated = 0;
        for (AlertRule rule : claimed) {
            try {
                evaluation.evaluate(rule, now);
                evaluated++;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "evaluating alert rule " + rule.id() + " failed; next tick"
                        + " retries", e);
            }
        }
        return evaluated;
    }
}

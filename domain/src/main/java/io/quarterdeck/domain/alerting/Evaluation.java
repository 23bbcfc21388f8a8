package io.quarterdeck.domain.alerting;

import java.time.Instant;

/**
 * What one evaluation of a rule for one key decides, given the value observed now and the alert that fires for it
 * (or null): fire a new alert, repeat the notification of one that keeps firing once the rule's repeat interval has
 * passed, resolve it when the condition no longer holds, or nothing.
 */
public final class Evaluation {
    public enum Outcome { FIRE, REPEAT, STILL_FIRING, RESOLVE, QUIET }

    private Evaluation() {
    }

    public static Outcome decide(AlertRule rule, boolean conditionHolds, Alert firing, Instant now) {
        if (conditionHolds) {
            if (firing == null) {
                return Outcome.FIRE;
            }
            Instant last = firing.lastNotifiedAt() == null ? firing.startedAt() : firing.lastNotifiedAt();
            return !now.isBefore(last.plus(rule.repeatInterval())) ? Outcome.REPEAT : Outcome.STILL_FIRING;
        }
        return firing == null ? Outcome.QUIET : Outcome.RESOLVE;
    }
}

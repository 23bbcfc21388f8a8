package io.quarterdeck.application.port.in.alerting;

import java.time.Duration;

/**
 * How alerting runs.
 *
 * @param evaluationInterval {@code quarterdeck.alerting.evaluation-interval-seconds}: how often each rule is evaluated
 * @param dispatchInterval   {@code quarterdeck.notifications.dispatch-interval-seconds}: how often queued
 *                           notifications are sent
 * @param maxAttempts        {@code quarterdeck.notifications.max-attempts}: attempts per notification before it fails
 * @param retryBase          {@code quarterdeck.notifications.retry-base-seconds}: the first retry's delay, doubled
 *                           for each further attempt
 */
public record AlertingSettings(Duration evaluationInterval, Duration dispatchInterval, int maxAttempts,
                               Duration retryBase) {
    public AlertingSettings {
        if (evaluationInterval.isNegative() || evaluationInterval.isZero()) {
            throw new IllegalArgumentException("quarterdeck.alerting.evaluation-interval-seconds must be more than 0");
        }
        if (dispatchInterval.isNegative() || dispatchInterval.isZero()) {
            throw new IllegalArgumentException("quarterdeck.notifications.dispatch-interval-seconds must be more than 0");
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("quarterdeck.notifications.max-attempts must be between 1 and 20");
        }
        if (retryBase.isNegative() || retryBase.isZero()) {
            throw new IllegalArgumentException("quarterdeck.notifications.retry-base-seconds must be more than 0");
        }
    }

    public static AlertingSettings defaults() {
        return new AlertingSettings(Duration.ofSeconds(15), Duration.ofSeconds(5), 5, Duration.ofSeconds(10));
    }

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} failures: base, 2 base, 4 base ... */
    public Duration retryDelay(int attempt) {
        return retryBase.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 16));
    }
}

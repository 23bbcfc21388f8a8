package io.quarterdeck.application.port.out.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Results of dependency checks over time, aggregated by the store (counts over an index on service and time). */
public interface ServiceCheckHistory {
    /** One check of one service. */
    record Check(String service, Instant at, boolean up, Long latencyMs) {
    }

    void record(Collection<Check> checks);

    /** Percentage of checks of the service at or after {@code since} that were up, or empty when there were none. */
    Optional<Double> uptimePercent(String service, Instant since);

    /** Mean latency of the checks at or after {@code since} that were up (every service), or empty when none. */
    Optional<Double> averageLatencyMs(Instant since);

    /** Whether the newest stored check of the service was up, or empty when there is none. */
    Optional<Boolean> lastState(String service);

    /** The newest check of the service that was down, if any. */
    Optional<Instant> lastDown(String service);

    /** The oldest check of the service. */
    Optional<Instant> firstCheck(String service);

    /**
     * How many of the service's newest checks were down in a row, counting at most {@code max} (0 when the newest
     * check was up or none is stored): "down for N consecutive checks".
     */
    int consecutiveDown(String service, int max);

    /** Deletes checks older than the cutoff. */
    long deleteOlderThan(Instant cutoff);
}

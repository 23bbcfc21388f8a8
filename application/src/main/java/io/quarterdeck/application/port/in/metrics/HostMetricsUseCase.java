package io.quarterdeck.application.port.in.metrics;

import io.quarterdeck.domain.metrics.HostSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads host metrics; {@code local} is the host Quarterdeck runs on. Other use cases (alerting) use it too. */
public interface HostMetricsUseCase {
    /**
     * The latest sample of a server (for {@code local}, one is taken now when none is stored yet).
     *
     * @throws io.quarterdeck.domain.shared.NotFoundException for a server without samples
     */
    HostSample latest(String serverId);

    /**
     * Averages per {@code interval} over {@code [from, to]}, oldest first.
     *
     * @throws io.quarterdeck.domain.shared.NotFoundException for an unknown server
     * @throws io.quarterdeck.domain.shared.InvalidFieldException when the range holds more than {@link #MAX_POINTS}
     */
    List<HostSample> history(String serverId, Instant from, Instant to, Duration interval);

    /** The newest {@code limit} samples, newest first (seed 002). */
    List<HostSample> recent(String serverId, int limit);

    /** The servers with stored samples, and {@code local} (alerting's thresholds "on every server"). */
    List<String> servers();

    int MAX_POINTS = 5_000;
}

package io.quarterdeck.application.port.in.metrics;

import io.quarterdeck.domain.metrics.HostSample;
import java.util.function.Consumer;

/** Each new sample of a server as it is taken (the metrics socket). */
public interface FollowMetricsUseCase {
    /** Close the handle to stop; the consumer runs on the sampler's thread and must not block. */
    AutoCloseable follow(String serverId, Consumer<HostSample> consumer);
}

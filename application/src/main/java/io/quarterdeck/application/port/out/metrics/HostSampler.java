package io.quarterdeck.application.port.out.metrics;

import io.quarterdeck.domain.metrics.HostSample;
import java.time.Instant;

/** Reads the local host's resources now (the first sample's CPU and network rates are measured over a short wait). */
public interface HostSampler {
    /** @throws IllegalStateException when the host's figures cannot be read */
    HostSample sample(Instant at);
}

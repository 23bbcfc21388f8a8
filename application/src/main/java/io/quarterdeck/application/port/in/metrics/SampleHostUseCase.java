package io.quarterdeck.application.port.in.metrics;

import io.quarterdeck.domain.metrics.HostSample;

/** The sampler's schedule: take and keep one sample of the local host; downsample and expire the history. */
public interface SampleHostUseCase {
    HostSample sampleNow();

    /** Replaces raw samples older than the raw retention by minute averages, drops old averages; returns rows done. */
    long downsample();
}

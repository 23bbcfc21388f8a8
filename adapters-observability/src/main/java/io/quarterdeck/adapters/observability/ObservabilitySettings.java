package io.quarterdeck.adapters.observability;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the observability adapter is configured with (produced from {@code quarterdeck.*} keys by server-config).
 *
 * @param prometheusUrl   {@code quarterdeck.prometheus.url}: the Prometheus whose HTTP API the query proxy calls
 * @param lokiUrl         {@code quarterdeck.loki.url}: a Loki that lines are also pushed to and queried from
 * @param grafanaUrl      {@code quarterdeck.grafana.url}: the Grafana whose dashboards are listed
 * @param grafanaToken    {@code quarterdeck.grafana.token}: a service account token for Grafana's API
 * @param timeout         {@code quarterdeck.observability.timeout-seconds}: connect and answer timeout of each call
 * @param diskPath        {@code quarterdeck.data-dir}: the file system whose use the sampler reports
 * @param procRoot        {@code /proc}, where the sampler reads the host's figures
 */
public record ObservabilitySettings(Optional<URI> prometheusUrl, Optional<URI> lokiUrl, Optional<URI> grafanaUrl,
                                    Optional<String> grafanaToken, Duration timeout, Path diskPath, Path procRoot) {
    public ObservabilitySettings {
        Objects.requireNonNull(prometheusUrl);
        Objects.requireNonNull(lokiUrl);
        Objects.requireNonNull(grafanaUrl);
        Objects.requireNonNull(grafanaToken);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("quarterdeck.observability.timeout-seconds must be positive");
        }
        Objects.requireNonNull(diskPath);
        Objects.requireNonNull(procRoot);
    }

    /** Never the token itself. */
    @Override
    public String toString() {
        return "ObservabilitySettings[prometheusUrl=" + prometheusUrl + ", lokiUrl=" + lokiUrl + ", grafanaUrl="
                + grafanaUrl + ", grafanaToken=" + (grafanaToken.isPresent() ? "(set)" : "(none)") + ", timeout="
                + timeout + ", diskPath=" + diskPath + "]";
    }
}

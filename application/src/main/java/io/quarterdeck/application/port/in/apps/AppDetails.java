package io.quarterdeck.application.port.in.apps;

import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppRuntime;
import java.time.Duration;

/** An app, its latest runtime (or null) and the estimated time left of its current run (or null). */
public record AppDetails(App app, AppRuntime lastRuntime, Duration eta) {
}

package io.quarterdeck.application.port.out.apps;

import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppRuntime;

/** An app with its latest runtime (null when it never ran). */
public record AppSummary(App app, AppRuntime lastRuntime) {
}

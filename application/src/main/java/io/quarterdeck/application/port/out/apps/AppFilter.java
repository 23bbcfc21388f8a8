package io.quarterdeck.application.port.out.apps;

import io.quarterdeck.domain.apps.AppNames;
import io.quarterdeck.domain.apps.RunStatus;
import io.quarterdeck.domain.shared.InvalidFieldException;

/** The seed's bulk {@code filter}: group, parent, a glob on the app name, a run status; at least one is given. */
public record AppFilter(String group, String parent, String appGlob, RunStatus status) {
    public AppFilter {
        if (group == null && parent == null && appGlob == null && status == null) {
            throw new InvalidFieldException("filter", "must name at least one of group, parent, app, status");
        }
        if (appGlob != null && (appGlob.isBlank() || appGlob.length() > AppNames.MAX)) {
            throw new InvalidFieldException("filter.app", "must be 1 to " + AppNames.MAX + " characters");
        }
    }
}

package io.quarterdeck.application.port.in.errors;

import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.shared.InvalidFieldException;

/** What became of one item of a batch: the group it was recorded in, or why it was refused. */
public record IngestOutcome(ErrorGroup group, InvalidFieldException rejection) {
    public IngestOutcome {
        if ((group == null) == (rejection == null)) {
            throw new IllegalArgumentException("exactly one of group and rejection");
        }
    }

    public boolean accepted() {
        return group != null;
    }
}

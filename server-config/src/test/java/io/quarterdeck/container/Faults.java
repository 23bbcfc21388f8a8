package io.quarterdeck.container;

import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import java.util.Collection;

/**
 * Which writes the test-only decorators refuse. The mark travels in the data the test itself sends, so a fault never
 * touches another test's writes or the server's own: an occurrence whose context has {@link #CONTEXT_KEY} set to
 * {@code "append"}, and an error group whose message contains {@link #REFUSE_UPDATE}.
 */
final class Faults {
    static final String CONTEXT_KEY = "containerTestFault";
    static final String REFUSE_UPDATE = "[refuse-update]";

    private Faults() {
    }

    static void refuseMarkedOccurrences(Collection<ErrorOccurrence> occurrences) {
        for (ErrorOccurrence o : occurrences) {
            if ("append".equals(o.context().get(CONTEXT_KEY))) {
                throw new InjectedFault("occurrence of group " + o.groupId().value() + " not appended");
            }
        }
    }

    static void refuseMarkedGroups(Collection<ErrorGroup> groups) {
        for (ErrorGroup g : groups) {
            if (g.message().contains(REFUSE_UPDATE)) {
                throw new InjectedFault("group " + g.id().value() + " not updated");
            }
        }
    }
}

package io.quarterdeck.application.port.in.apps;

import io.quarterdeck.application.port.out.apps.AppFilter;
import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.CommandType;
import java.util.List;

/**
 * Operators' commands and configuration changes. A command is stored with the app's new command flag in one
 * transaction, in the outbox; a state that does not accept it is a {@code CommandRefusedException} (409).
 */
public interface CommandAppsUseCase {
    Command issue(String actor, String app, CommandType type);

    /** The command to every app the filter matches (at most {@link #MAX_BULK}), in one transaction. */
    BulkOutcome bulk(String actor, AppFilter filter, CommandType type);

    AppDetails configure(String app, App.Configuration configuration);

    /** Commands for managers that fetch rather than subscribe. */
    List<Command> commands(String app, Boolean sent, long afterSequence, int limit);

    int MAX_BULK = 10_000;

    /** What a bulk command sent, and what it refused and why. */
    record BulkOutcome(CommandType command, List<Command> sent, List<Refusal> refused) {
    }

    record Refusal(String app, String reason) {
    }
}

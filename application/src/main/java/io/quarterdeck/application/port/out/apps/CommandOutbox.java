package io.quarterdeck.application.port.out.apps;

import io.quarterdeck.domain.apps.Command;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Commands stored in the same transaction as the app's new command flag, waiting to be published. Every method joins
 * the caller's transaction.
 */
public interface CommandOutbox {
    /** Stores the commands in the given order; returns them with the sequence numbers the store assigned. */
    List<Command> append(List<Command> commands);

    /** The oldest unsent commands in sequence order, locked (other relays skip them), at most {@code max}. */
    List<Command> lockPending(int max);

    void markSent(Collection<String> ids, Instant at);

    /** Commands after {@code afterSequence} in sequence order, for managers that fetch instead of subscribing. */
    List<Command> list(String app, Boolean sent, long afterSequence, int limit);

    long countPending();
}

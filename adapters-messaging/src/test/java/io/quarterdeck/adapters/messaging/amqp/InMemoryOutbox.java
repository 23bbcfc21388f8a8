package io.quarterdeck.adapters.messaging.amqp;

import io.quarterdeck.application.port.out.apps.CommandOutbox;
import io.quarterdeck.domain.apps.Command;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** An outbox in memory for the relay's tests here (the JDBC one is tested in adapters-persistence). */
final class InMemoryOutbox implements CommandOutbox {
    private final List<Command> rows = new ArrayList<>();
    private long next = 1;

    @Override
    public synchronized List<Command> append(List<Command> commands) {
        List<Command> out = new ArrayList<>();
        for (Command c : commands) {
            Command stored = new Command(c.id(), next++, c.app(), c.group(), c.type(), c.actor(), c.issuedAt(), null);
            rows.add(stored);
            out.add(stored);
        }
        return out;
    }

    @Override
    public synchronized List<Command> lockPending(int max) {
        return rows.stream().filter(c -> !c.sent()).limit(max).toList();
    }

    @Override
    public synchronized void markSent(Collection<String> ids, Instant at) {
        rows.replaceAll(c -> ids.contains(c.id())
                ? new Command(c.id(), c.sequence(), c.app(), c.group(), c.type(), c.actor(), c.issuedAt(), at) : c);
    }

    @Override
    public synchronized List<Command> list(String app, Boolean sent, long afterSequence, int limit) {
        return rows.stream().filter(c -> c.sequence() > afterSequence).limit(limit).toList();
    }

    @Override
    public synchronized long countPending() {
        return rows.stream().filter(c -> !c.sent()).count();
    }
}

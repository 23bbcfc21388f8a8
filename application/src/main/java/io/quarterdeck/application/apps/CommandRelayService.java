package io.quarterdeck.application.apps;

import io.quarterdeck.application.port.in.apps.RelayCommandsUseCase;
import io.quarterdeck.application.port.out.apps.CommandOutbox;
import io.quarterdeck.application.port.out.apps.CommandPublisher;
import io.quarterdeck.domain.apps.Command;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * The outbox relay's step: lock the oldest pending commands, publish them in order, wait for the bus's confirms, mark
 * them sent, commit. A failure anywhere leaves them pending (the transaction rolls back), so nothing is lost; a crash
 * after publishing and before commit publishes them again later: at least once, with the command id to de-duplicate.
 */
@ApplicationScoped
public class CommandRelayService implements RelayCommandsUseCase {
    private final CommandOutbox outbox;
    private final CommandPublisher bus;
    private final Clock clock;

    @Inject
    public CommandRelayService(CommandOutbox outbox, CommandPublisher bus, Clock clock) {
        this.outbox = outbox;
        this.bus = bus;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected CommandRelayService() {
        this(null, null, null);
    }

    @Override
    @Transactional
    public int relay(int max) {
        if (!bus.configured()) {
            return 0;
        }
        List<Command> pending = outbox.lockPending(max);
        if (pending.isEmpty()) {
            return 0;
        }
        bus.publish(pending);
        outbox.markSent(pending.stream().map(Command::id).toList(), clock.instant());
        return pending.size();
    }

    @Override
    @Transactional
    public long pending() {
        return outbox.countPending();
    }
}

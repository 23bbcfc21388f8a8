package io.quarterdeck.adapters.messaging.amqp;

import io.quarterdeck.application.port.in.apps.RelayCommandsUseCase;
import io.quarterdeck.application.port.out.apps.AppEventPublisher;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.PipelineTask;
import io.quarterdeck.domain.apps.RunStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives the outbox relay when RabbitMQ is configured: one thread that relays pending commands in batches, woken
 * when a command is issued (it listens to the apps events) or every relay interval, and that (re)starts the report
 * listener. While the broker is down it retries with a growing pause (up to 5 s); commands wait in the outbox.
 */
@ApplicationScoped
public class OutboxRelayDriver implements AppEventPublisher {
    private static final Logger LOG = Logger.getLogger(OutboxRelayDriver.class.getName());
    private final RabbitMqBroker broker;
    private final RelayCommandsUseCase relay;
    private final ThreadFactory threads;
    private final Object wake = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;

    @Inject
    public OutboxRelayDriver(RabbitMqBroker broker, RelayCommandsUseCase relay, ThreadFactory threads) {
        this.broker = broker;
        this.relay = relay;
        this.threads = threads;
    }

    /** For CDI proxies only. */
    protected OutboxRelayDriver() {
        this(null, null, null);
    }

    void onStart(@Observes Startup startup) {
        if (!broker.configured()) {
            LOG.info("RabbitMQ is not configured (quarterdeck.rabbitmq.url): commands stay in the outbox for"
                    + " managers to fetch over REST");
            return;
        }
        running = true;
        thread = threads.newThread(this::loop);
        thread.setName("quarterdeck-outbox-relay");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Outbox relay started: " + broker.settings());
    }

    private void loop() {
        AmqpSettings s = broker.settings();
        long pause = 0;
        boolean down = false;
        while (running) {
            try {
                broker.ensureListening();
                int sent = relay.relay(s.relayBatch());
                if (down) {
                    LOG.info("RabbitMQ is reachable again; relaying the commands that waited");
                    down = false;
                }
                pause = 0;
                if (sent < s.relayBatch()) {
                    await(s.relayInterval().toMillis());
                }
            } catch (Exception e) {
                if (!down) {
                    LOG.log(Level.WARNING, "The outbox relay cannot publish now (" + e.getMessage()
                            + "); commands wait in the outbox and are retried");
                    down = true;
                }
                pause = Math.min(5_000, Math.max(250, pause * 2));
                await(pause);
            }
        }
    }

    private void await(long millis) {
        synchronized (wake) {
            if (!woken) {
                try {
                    wake.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    @Override
    public void commandIssued(Command command) {
        if (running) {
            synchronized (wake) {
                woken = true;
                wake.notifyAll();
            }
        }
    }

    @Override
    public void appStatusChanged(String app, RunStatus oldStatus, RunStatus newStatus) {
        // Only commands wake the relay.
    }

    @Override
    public void appFatal(String app) {
        // Only commands wake the relay.
    }

    @Override
    public void runtimeStarted(AppRuntime runtime) {
        // Only commands wake the relay.
    }

    @Override
    public void runtimeCompleted(AppRuntime runtime) {
        // Only commands wake the relay.
    }

    @Override
    public void taskUpdated(PipelineTask task) {
        // Only commands wake the relay.
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}

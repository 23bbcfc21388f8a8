package io.quarterdeck.adapters.rest.apiv1.containers;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One timer thread for every terminal's idle check, stopped with the application. */
@ApplicationScoped
public class TerminalTimers {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quarterdeck-terminal-idle");
        t.setDaemon(true);
        return t;
    });

    public ScheduledFuture<?> every(long periodMillis, Runnable check) {
        return timer.scheduleAtFixedRate(check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}

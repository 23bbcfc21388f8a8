package io.quarterdeck.application.errors;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Set;

/** Waits for another thread to reach a state, without guessing a sleep. */
final class Threads {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Threads() {
    }

    /** Returns once the thread is in one of the states; fails the test if that takes unreasonably long. */
    static void awaitState(Thread thread, Thread.State... states) {
        Set<Thread.State> wanted = Set.of(states);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!wanted.contains(thread.getState())) {
            if (System.nanoTime() > deadline) {
                fail(thread.getName() + " never reached " + wanted + ", is " + thread.getState());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}

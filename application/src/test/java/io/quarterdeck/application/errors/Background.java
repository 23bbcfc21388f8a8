package io.quarterdeck.application.errors;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/** A call running on its own thread, so a test can see the thread wait and collect the result. */
final class Background<T> {
    private final FutureTask<T> task;
    final Thread thread;

    private Background(Callable<T> call, String name) {
        this.task = new FutureTask<>(call);
        this.thread = new Thread(task, name);
        this.thread.start();
    }

    static <T> Background<T> start(String name, Callable<T> call) {
        return new Background<>(call, name);
    }

    T get() throws Exception {
        return task.get(20, TimeUnit.SECONDS);
    }
}

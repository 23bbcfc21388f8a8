package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.IngestionUnavailableException;

import static io.quarterdeck.application.errors.Reports.T0;
import static io.quarterdeck.application.errors.Reports.event;
import static io.quarterdeck.application.errors.Reports.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.domain.errors.ErrorEvent;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestionBatcherTest {
    private static final long PATIENCE_SECONDS = 20;

    private final Writer writer = new Writer();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ThreadFactory factory = r -> {
        Thread t = new Thread(r);
        threads.add(t);
        return t;
    };
    /** The batch sizes reported to the metrics out-port. */
    private final List<Integer> recorded = new CopyOnWriteArrayList<>();
    private IngestionBatcher batcher;

    @AfterEach
    void stop() {
        writer.release.countDown();
        if (batcher != null) {
            batcher.stop();
        }
    }

    private static List<ErrorEvent> events(String label, int n) {
        return IntStream.range(0, n).mapToObj(i -> event(fingerprint(), label + i, T0)).toList();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(f));
        return e.getCause();
    }

    /** Submits a first request and waits until the writer is busy with it (and held there). */
    private CompletableFuture<List<ErrorGroup>> occupyTheWriter() throws InterruptedException {
        writer.holdFirstCall = true;
        CompletableFuture<List<ErrorGroup>> first = batcher.submit(events("first", 1));
        assertTrue(writer.firstEntered.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the writer took the first request");
        return first;
    }

    @Test
    void a_request_completes_with_one_group_per_event_in_order_written_on_the_writer_thread() throws Exception {
        batcher = new IngestionBatcher(writer, 10, 10, factory, recorded::add);
        List<ErrorEvent> events = events("e", 3);

        List<ErrorGroup> groups = await(batcher.submit(events));

        assertEquals(events.stream().map(ErrorEvent::fingerprint).toList(),
                groups.stream().map(ErrorGroup::fingerprint).toList());
        assertEquals(List.of(events), writer.calls);
        Thread writerThread = threads.get(0);
        assertEquals(List.of(writerThread), writer.callers);
        assertTrue(writerThread.isDaemon());
        assertEquals("quarterdeck-ingestion-writer", writerThread.getName());
    }

    @Test
    void requests_waiting_behind_a_busy_writer_are_written_together_in_one_call() throws Exception {
        batcher = new IngestionBatcher(writer, 10, 10, factory, recorded::add);
        CompletableFuture<List<ErrorGroup>> first = occupyTheWriter();
        List<ErrorEvent> second = events("second", 2);
        List<ErrorEvent> third = events("third", 1);
        CompletableFuture<List<ErrorGroup>> f2 = batcher.submit(second);
        CompletableFuture<List<ErrorGroup>> f3 = batcher.submit(third);
        assertFalse(f2.isDone(), "acknowledged only after the write");

        writer.release.countDown();

        assertEquals(1, await(first).size());
        // The futures complete after the write call returned: only then is the call surely recorded.
        assertEquals(second.stream().map(ErrorEvent::fingerprint).toList(),
                await(f2).stream().map(ErrorGroup::fingerprint).toList());
        assertEquals(third.get(0).fingerprint(), await(f3).get(0).fingerprint());
        List<ErrorEvent> together = new ArrayList<>(second);
        together.addAll(third);
        assertEquals(together, writer.calls.get(1));
        assertEquals(2, writer.calls.size());
    }

    @Test
    void a_write_never_takes_more_than_max_batch_events_from_several_requests() throws Exception {
        batcher = new IngestionBatcher(writer, 3, 10, factory, recorded::add);
        CompletableFuture<List<ErrorGroup>> first = occupyTheWriter();
        List<CompletableFuture<List<ErrorGroup>>> waiting = List.of(batcher.submit(events("a", 2)),
                batcher.submit(events("b", 2)), batcher.submit(events("c", 1)));

        writer.release.countDown();
        await(first);
        for (CompletableFuture<List<ErrorGroup>> f : waiting) {
            await(f);
        }

        assertEquals(List.of(1, 2, 3), writer.calls.stream().map(List::size).toList(),
                "a+b would be 4 > 3, so a goes alone and b+c share a write");
    }

    @Test
    void the_queue_depth_counts_waiting_requests_and_each_committed_batch_reports_its_size() throws Exception {
        batcher = new IngestionBatcher(writer, 3, 10, factory, recorded::add);
        assertEquals(0, batcher.queuedRequests());
        CompletableFuture<List<ErrorGroup>> first = occupyTheWriter();
        List<CompletableFuture<List<ErrorGroup>>> waiting = List.of(batcher.submit(events("a", 2)),
                batcher.submit(events("b", 1)));
        assertEquals(2, batcher.queuedRequests(), "the request being written is no longer queued");

        writer.release.countDown();
        await(first);
        for (CompletableFuture<List<ErrorGroup>> f : waiting) {
            await(f);
        }

        assertEquals(0, batcher.queuedRequests());
        assertEquals(List.of(1, 3), recorded);
    }

    @Test
    void a_failed_write_reports_no_batch() throws Exception {
        batcher = new IngestionBatcher(events -> {
            throw new IllegalStateException("database gone");
        }, 10, 10, factory, recorded::add);

        failureOf(batcher.submit(events("lost", 2)));

        assertEquals(List.of(), recorded);
    }

    @Test
    void a_request_larger_than_max_batch_is_written_whole_in_one_call() throws Exception {
        batcher = new IngestionBatcher(writer, 2, 10, factory, recorded::add);

        assertEquals(5, await(batcher.submit(events("big", 5))).size());

        assertEquals(List.of(5), writer.calls.stream().map(List::size).toList());
    }

    @Test
    void when_the_queue_is_full_a_request_is_refused_at_once_and_accepted_again_once_it_drains() throws Exception {
        batcher = new IngestionBatcher(writer, 10, 1, factory, recorded::add);
        CompletableFuture<List<ErrorGroup>> first = occupyTheWriter();
        CompletableFuture<List<ErrorGroup>> queued = batcher.submit(events("queued", 1));

        CompletableFuture<List<ErrorGroup>> refused = batcher.submit(events("refused", 1));

        assertTrue(refused.isCompletedExceptionally(), "refused without waiting for the writer");
        assertInstanceOf(IngestionUnavailableException.class, failureOf(refused));
        writer.release.countDown();
        await(first);
        await(queued);
        assertEquals(1, await(batcher.submit(events("later", 1))).size());
        assertEquals(3, writer.calls.size(), "the refused request was never written");
    }

    @Test
    void a_failed_write_fails_every_request_of_its_batch_and_the_next_batch_is_written() throws Exception {
        batcher = new IngestionBatcher(writer, 10, 10, factory, recorded::add);
        CompletableFuture<List<ErrorGroup>> first = occupyTheWriter();
        IllegalStateException boom = new IllegalStateException("database down");
        writer.failNext = boom;
        CompletableFuture<List<ErrorGroup>> a = batcher.submit(events("a", 1));
        CompletableFuture<List<ErrorGroup>> b = batcher.submit(events("b", 2));

        writer.release.countDown();

        await(first);
        assertSame(boom, failureOf(a));
        assertSame(boom, failureOf(b));
        assertEquals(1, await(batcher.submit(events("after", 1))).size());
    }

    @Test
    void a_write_throwing_an_error_fails_its_batch_and_the_writer_keeps_going() throws Exception {
        batcher = new IngestionBatcher(writer, 10, 10, factory, recorded::add);
        AssertionError broken = new AssertionError("a linkage or assertion error in the persistence adapter");
        writer.failNext = broken;

        Throwable failure = failureOf(batcher.submit(events("a", 1)));

        assertSame(broken, failure);
        assertEquals(1, await(batcher.submit(events("after", 1))).size());
    }

    @Test
    void stop_fails_the_waiting_requests_refuses_new_ones_and_ends_the_writer() throws Exception {
        batcher = new IngestionBatcher(writer, 10, 10, factory, recorded::add);
        CompletableFuture<List<ErrorGroup>> first = occupyTheWriter();
        CompletableFuture<List<ErrorGroup>> waiting = batcher.submit(events("waiting", 1));

        batcher.stop();

        assertTrue(first.isCompletedExceptionally(), "the write in progress was interrupted");
        assertInstanceOf(IngestionUnavailableException.class, failureOf(waiting));
        CompletableFuture<List<ErrorGroup>> late = batcher.submit(events("late", 1));
        assertTrue(late.isCompletedExceptionally());
        assertInstanceOf(IngestionUnavailableException.class, failureOf(late));
        assertFalse(threads.get(0).isAlive());
        assertEquals(1, writer.calls.size(), "nothing was written after stop");
    }

    /** Records every call; can hold its first call until released, and fail the next call it gets. */
    private static final class Writer implements Function<List<ErrorEvent>, List<ErrorGroup>> {
        final List<List<ErrorEvent>> calls = new CopyOnWriteArrayList<>();
        final List<Thread> callers = new CopyOnWriteArrayList<>();
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean holdFirstCall;
        volatile Throwable failNext;

        @Override
        public List<ErrorGroup> apply(List<ErrorEvent> events) {
            calls.add(List.copyOf(events));
            if (!callers.contains(Thread.currentThread())) {
                callers.add(Thread.currentThread());
            }
            if (calls.size() == 1 && holdFirstCall) {
                firstEntered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing", e);
                }
            }
            Throwable failure = failNext;
            if (failure != null && calls.size() > (holdFirstCall ? 1 : 0)) {
                failNext = null;
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            }
            return events.stream().map(e -> ErrorGroup.open(ErrorGroupId.newId(), e)).toList();
        }
    }
}

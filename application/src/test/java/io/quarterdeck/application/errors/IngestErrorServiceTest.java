package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;
import io.quarterdeck.application.port.in.errors.IngestionUnavailableException;

import static io.quarterdeck.application.errors.Reports.T0;
import static io.quarterdeck.application.errors.Reports.command;
import static io.quarterdeck.application.errors.Reports.settings;
import static io.quarterdeck.application.errors.Reports.withClientFingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.errors.IngestErrorCommand;
import io.quarterdeck.application.port.in.errors.IngestOutcome;
import io.quarterdeck.application.port.out.errors.ErrorEventPublisher;
import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.application.port.out.errors.ConcurrentGroupChangeException;
import io.quarterdeck.application.port.out.errors.GroupAlreadyExistsException;
import io.quarterdeck.application.testing.FailingErrorEventPublisher;
import io.quarterdeck.application.testing.InMemoryErrorStore;
import io.quarterdeck.application.testing.RecordingErrorEventPublisher;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.errors.ClientInfo;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import io.quarterdeck.domain.errors.SensitiveDataScrubber;
import io.quarterdeck.domain.shared.FieldTooLargeException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestErrorServiceTest {
    private final InMemoryErrorStore store = new InMemoryErrorStore();
    private final RecordingErrorEventPublisher published = new RecordingErrorEventPublisher();
    private final TestClock clock = new TestClock(T0);
    private final List<IngestErrorService> started = new ArrayList<>();
    private ObservedTransactions transactions;

    @AfterEach
    void stopEverything() {
        if (transactions != null) {
            transactions.release.countDown();
        }
        started.forEach(s -> s.stop(null));
    }

    private IngestErrorService service() {
        return service(ErrorTrackingSettings.defaults(), store.groups(), published);
    }

    private IngestErrorService service(ErrorTrackingSettings settings, ErrorGroupRepository groups,
                                       ErrorEventPublisher publisher) {
        transactions = new ObservedTransactions(groups, store.occurrences(), settings);
        IngestErrorService service = new IngestErrorService(transactions, publisher, settings, clock, Thread::new,
                events -> { });
        started.add(service);
        return service;
    }



    // ---- one report ----------------------------------------------------------------------------------------

    @Test
    void a_report_opens_a_group_stamped_by_the_clock_and_is_published_after_it_is_stored() {
        List<Long> countStoredWhenPublished = new CopyOnWriteArrayList<>();
        ErrorEventPublisher checking = new ErrorEventPublisher() {
            @Override
            public void newError(ErrorGroup group) {
                countStoredWhenPublished.add(store.groups().findById(group.id()).map(ErrorGroup::count).orElse(-1L));
                published.newError(group);
            }

            @Override
            public void errorResolved(ErrorGroupId id) {
                published.errorResolved(id);
            }
        };
        IngestErrorService service = service(ErrorTrackingSettings.defaults(), store.groups(), checking);

        ErrorGroup group = service.ingest(command("warning", "Payment failed", Map.of("order", "A-17")));

        assertEquals(ErrorLevel.WARNING, group.level());
        assertEquals("Payment failed", group.message());
        assertEquals(1, group.count());
        assertEquals(T0, group.firstSeen());
        assertEquals(T0, group.lastSeen());
        assertEquals(new ClientInfo("Mozilla/5.0", "203.0.113.9"), group.client());
        assertEquals("frontend", group.source());
        assertEquals(Map.of("order", "A-17"), store.stored(group.id()).context());
        assertEquals(1, store.occurrencesOf(group.id()).size());
        assertEquals(List.of(1L), countStoredWhenPublished, "published once, and only after it was stored");
        assertEquals(List.of(group.id()), published.newErrors().stream().map(ErrorGroup::id).toList());
    }

    @Test
    void the_same_error_again_is_counted_into_its_group_and_published_again() {
        IngestErrorService service = service();
        ErrorGroup first = service.ingest(command("Payment failed"));
        clock.advance(Duration.ofMinutes(1));

        ErrorGroup second = service.ingest(command("Payment failed"));

        assertEquals(first.id(), second.id());
        assertEquals(2, second.count());
        assertEquals(T0, second.firstSeen());
        assertEquals(T0.plusSeconds(60), second.lastSeen());
        assertEquals(2, store.stored(first.id()).count());
        assertEquals(2, store.occurrencesOf(first.id()).size());
        assertEquals(List.of(1L, 2L), published.newErrors().stream().map(ErrorGroup::count).toList());
    }

    @Test
    void different_errors_open_different_groups() {
        IngestErrorService service = service();

        ErrorGroup a = service.ingest(command("Payment failed"));
        ErrorGroup b = service.ingest(command("Cart is empty"));

        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.fingerprint(), b.fingerprint());
        assertEquals(2, store.groupCount());
    }

    @Test
    void a_client_fingerprint_groups_different_messages_together() {
        IngestErrorService service = service();

        ErrorGroup a = service.ingest(withClientFingerprint("Timeout after 3000ms", List.of("checkout-timeout")));
        ErrorGroup b = service.ingest(withClientFingerprint("Gateway went away", List.of("checkout-timeout")));

        assertEquals(a.id(), b.id());
        assertEquals(2, b.count());
        assertEquals("Gateway went away", b.message());
    }

    @Test
    void secrets_in_the_context_and_card_numbers_in_the_message_are_scrubbed_before_storing() {
        IngestErrorService service = service();

        ErrorGroup group = service.ingest(command("error", "card 4111 1111 1111 1111 declined",
                Map.of("password", "hunter2", "user", "bob")));

        Map<String, Object> scrubbed = Map.of("password", SensitiveDataScrubber.FILTERED, "user", "bob");
        assertEquals("card ************1111 declined", store.stored(group.id()).message());
        assertEquals(scrubbed, store.stored(group.id()).context());
        ErrorOccurrence occurrence = store.occurrencesOf(group.id()).get(0);
        assertEquals(scrubbed, occurrence.context());
        assertFalse(published.newErrors().get(0).context().containsValue("hunter2"));
    }

    @Test
    void an_invalid_report_is_refused_naming_the_field_and_nothing_is_stored_or_published() {
        IngestErrorService service = service();

        assertEquals("level", assertThrows(InvalidFieldException.class,
                () -> service.ingest(command("fatal", "boom", Map.of()))).field());
        assertEquals("level", assertThrows(InvalidFieldException.class,
                () -> service.ingest(command(null, "boom", Map.of()))).field());
        assertEquals("message", assertThrows(InvalidFieldException.class,
                () -> service.ingest(command("error", "   ", Map.of()))).field());
        assertEquals("message", assertThrows(FieldTooLargeException.class,
                () -> service.ingest(command("error", "x".repeat(8_193), Map.of()))).field());

        assertEquals(0, store.groupCount());
        assertEquals(List.of(), published.newErrors());
        assertEquals(List.of(), transactions.calls, "refused before reaching the writer");
    }

    @Test
    void a_failing_publisher_does_not_fail_the_ingest_of_a_stored_occurrence() {
        ErrorEventPublisher failing = new FailingErrorEventPublisher("websocket broadcast failed");
        IngestErrorService service = service(ErrorTrackingSettings.defaults(), store.groups(), failing);

        ErrorGroup group = service.ingest(command("Payment failed"));
        List<IngestOutcome> outcomes = service.ingestAll(List.of(command("Payment failed"), command("Other")));

        assertEquals(1, group.count());
        assertTrue(outcomes.stream().allMatch(IngestOutcome::accepted));
        assertEquals(2, store.stored(group.id()).count());
        assertEquals(2, store.groupCount());
    }

    // ---- batches -------------------------------------------------------------------------------------------

    @Test
    void a_batch_records_the_valid_items_together_and_rejects_the_invalid_ones_in_order() {
        IngestErrorService service = service();
        List<IngestErrorCommand> commands = List.of(command("Payment failed"), command("fatal", "boom", Map.of()),
                command("Cart is empty"), command("error", null, Map.of()));

        List<IngestOutcome> outcomes = service.ingestAll(commands);

        assertEquals(List.of(true, false, true, false), outcomes.stream().map(IngestOutcome::accepted).toList());
        assertEquals("Payment failed", outcomes.get(0).group().message());
        assertNull(outcomes.get(0).rejection());
        assertEquals("level", outcomes.get(1).rejection().field());
        assertNull(outcomes.get(1).group());
        assertEquals("Cart is empty", outcomes.get(2).group().message());
        assertEquals("message", outcomes.get(3).rejection().field());
        assertEquals(1, transactions.calls.size(), "the valid items share one transaction");
        assertEquals(2, transactions.calls.get(0).size());
        assertEquals(2, store.groupCount());
        assertEquals(List.of("Payment failed", "Cart is empty"),
                published.newErrors().stream().map(ErrorGroup::message).toList());
    }

    @Test
    void a_batch_repeating_one_error_counts_every_item_into_one_group() {
        IngestErrorService service = service();
        service.ingest(command("Payment failed"));

        List<IngestOutcome> outcomes = service.ingestAll(List.of(command("Payment failed"), command("Payment failed"),
                command("Payment failed")));

        ErrorGroupId id = outcomes.get(0).group().id();
        outcomes.forEach(o -> assertEquals(id, o.group().id()));
        assertEquals(4, store.stored(id).count());
        assertEquals(4, store.occurrencesOf(id).size());
        assertEquals(1, store.groupCount());
        assertEquals(4, published.newErrors().size());
    }

    @Test
    void a_batch_of_only_invalid_items_never_reaches_the_writer() {
        IngestErrorService service = service();

        List<IngestOutcome> outcomes = service.ingestAll(List.of(command("nope", "a", Map.of()),
                command("error", "", Map.of())));

        assertEquals(List.of("level", "message"), outcomes.stream().map(o -> o.rejection().field()).toList());
        assertEquals(List.of(), transactions.calls);
        assertEquals(List.of(), published.newErrors());
        assertEquals(List.of(), service.ingestAll(List.of()));
    }

    // ---- conflicts and failures ----------------------------------------------------------------------------

    @Test
    void a_group_created_concurrently_elsewhere_is_retried_and_the_occurrence_joins_it() {
        RacingGroups racing = new RacingGroups(store);
        IngestErrorService service = service(ErrorTrackingSettings.defaults(), racing, published);

        ErrorGroup group = service.ingest(command("Payment failed"));

        assertEquals(2, transactions.calls.size(), "the first attempt lost the race and was retried");
        assertEquals(2, racing.lookups());
        assertEquals(2, group.count(), "the other writer's occurrence and this one");
        assertEquals("Payment failed", group.message());
        assertEquals(1, store.groupCount());
        assertEquals(2, store.occurrencesOf(group.id()).size());
        assertEquals(1, published.newErrors().size());
    }

    @Test
    void a_group_changed_by_another_writer_since_it_was_read_is_retried_afresh() {
        IngestErrorService service = service();
        transactions.failure = () -> {
            transactions.failure = null; // once
            return new ConcurrentGroupChangeException("changed elsewhere", null);
        };

        ErrorGroup group = service.ingest(command("Payment failed"));

        assertEquals(2, transactions.calls.size(), "the stale attempt and its retry");
        assertEquals(1, group.count());
        assertEquals(1, store.occurrencesOf(group.id()).size(), "the failed attempt stored nothing");
        assertEquals(1, published.newErrors().size());
    }

    @Test
    void a_conflict_that_keeps_recurring_is_given_up_after_max_attempts() {
        IngestErrorService service = service();
        transactions.failure = () -> new GroupAlreadyExistsException(null);

        assertThrows(GroupAlreadyExistsException.class, () -> service.ingest(command("Payment failed")));

        assertEquals(IngestErrorService.MAX_ATTEMPTS, transactions.calls.size());
        assertEquals(List.of(), published.newErrors());
    }

    @Test
    void any_other_failure_is_not_retried_and_reaches_the_caller_unwrapped() {
        IngestErrorService service = service();
        IllegalStateException down = new IllegalStateException("database down");
        transactions.failure = () -> down;

        assertSame(down, assertThrows(IllegalStateException.class, () -> service.ingest(command("Payment failed"))));
        assertSame(down, assertThrows(IllegalStateException.class,
                () -> service.ingestAll(List.of(command("Payment failed")))));

        assertEquals(2, transactions.calls.size(), "one attempt per call");
        assertEquals(List.of(), published.newErrors());
        assertEquals(0, store.groupCount());
    }

    // ---- the writer ----------------------------------------------------------------------------------------

    @Test
    void requests_arriving_while_the_writer_is_busy_share_the_next_transaction() throws Exception {
        IngestErrorService service = service();
        transactions.holdFirstCall = true;
        Background<ErrorGroup> a = Background.start("a", () -> service.ingest(command("A")));
        assertTrue(transactions.firstEntered.await(20, TimeUnit.SECONDS));
        Background<ErrorGroup> b = Background.start("b", () -> service.ingest(command("B")));
        Background<ErrorGroup> c = Background.start("c", () -> service.ingest(command("C")));
        Threads.awaitState(b.thread, Thread.State.WAITING);
        Threads.awaitState(c.thread, Thread.State.WAITING);

        transactions.release.countDown();

        assertEquals("A", a.get().message());
        assertEquals("B", b.get().message());
        assertEquals("C", c.get().message());
        assertEquals(List.of(1, 2), transactions.calls.stream().map(List::size).toList());
        assertEquals(3, store.groupCount());
    }

    @Test
    void when_the_queue_is_full_an_ingest_is_refused_as_unavailable_and_stores_nothing() throws Exception {
        IngestErrorService service = service(settings(500, 1), store.groups(), published);
        transactions.holdFirstCall = true;
        Background<ErrorGroup> a = Background.start("a", () -> service.ingest(command("A")));
        assertTrue(transactions.firstEntered.await(20, TimeUnit.SECONDS));
        Background<ErrorGroup> b = Background.start("b", () -> service.ingest(command("B")));
        Threads.awaitState(b.thread, Thread.State.WAITING);

        assertThrows(IngestionUnavailableException.class, () -> service.ingest(command("C")));
        assertThrows(IngestionUnavailableException.class, () -> service.ingestAll(List.of(command("D"))));

        transactions.release.countDown();
        assertEquals("A", a.get().message());
        assertEquals("B", b.get().message());
        assertEquals(2, store.groupCount());
        assertEquals(List.of("A", "B"), published.newErrors().stream().map(ErrorGroup::message).sorted().toList(),
                "each caller publishes its own, in whatever order the callers wake up");
    }

    @Test
    void after_stop_ingestion_is_refused_as_unavailable() {
        IngestErrorService service = service();
        service.stop(null);

        assertThrows(IngestionUnavailableException.class, () -> service.ingest(command("Payment failed")));
        assertThrows(IngestionUnavailableException.class,
                () -> service.ingestAll(List.of(command("Payment failed"))));
        assertEquals(List.of(), transactions.calls);
        assertEquals(0, store.groupCount());
    }

    @Test
    void concurrent_ingests_of_one_error_lose_no_occurrence() throws Exception {
        IngestErrorService service = service(settings(7, 20_000), store.groups(), published);
        int threads = 8;
        int each = 50;
        CountDownLatch go = new CountDownLatch(1);
        List<Background<Integer>> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            callers.add(Background.start("caller-" + t, () -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    service.ingest(command("Payment failed"));
                }
                return each;
            }));
        }
        go.countDown();
        for (Background<Integer> caller : callers) {
            assertEquals(each, caller.get());
        }

        assertEquals(1, store.groupCount());
        ErrorGroup group = published.newErrors().get(0);
        assertEquals(threads * each, store.stored(group.id()).count());
        assertEquals(threads * each, store.occurrencesOf(group.id()).size());
        assertEquals(threads * each, published.newErrors().size());
        assertTrue(transactions.calls.stream().allMatch(batch -> batch.size() <= 7), "max batch is respected");
    }
}

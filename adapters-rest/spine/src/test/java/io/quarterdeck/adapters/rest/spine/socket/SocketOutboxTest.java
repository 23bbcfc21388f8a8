package io.quarterdeck.adapters.rest.spine.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocketOutboxTest {
    private final FakeSession client = new FakeSession();

    @Test
    void messages_go_out_one_at_a_time_in_order() {
        SocketOutbox outbox = SocketOutbox.of(client.session, 10);
        outbox.offer("a");
        outbox.offer("b");
        outbox.offer("c");

        assertEquals(List.of("a"), client.sent, "one message in flight until the client took it");
        client.completeSends();
        assertEquals(List.of("a", "b", "c"), client.sent);
        assertEquals(0, outbox.waiting());
    }

    @Test
    void a_slow_subscriber_loses_the_oldest_waiting_messages_and_is_told_how_many() {
        SocketOutbox outbox = SocketOutbox.of(client.session, 3);
        for (int i = 1; i <= 10; i++) {
            outbox.offer("m" + i);
        }
        // m1 is in flight; m2..m10 competed for 3 places: m8, m9, m10 remain, 6 were dropped
        assertEquals(3, outbox.waiting());
        assertEquals(6, outbox.droppedTotal());

        client.completeSends();

        assertEquals(List.of("m1", "{\"type\":\"dropped\",\"count\":6}", "m8", "m9", "m10"), client.sent);
    }

    @Test
    void memory_stays_bounded_however_much_is_offered() {
        SocketOutbox outbox = SocketOutbox.of(client.session, 100);
        for (int i = 0; i < 100_000; i++) {
            outbox.offer("x".repeat(100));
        }
        assertEquals(100, outbox.waiting());
        assertEquals(1, client.sent.size());
    }

    @Test
    void a_closed_session_takes_nothing() {
        SocketOutbox outbox = SocketOutbox.of(client.session, 3);
        client.closedWith = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye");
        assertFalse(outbox.offer("late"));
        assertTrue(client.sent.isEmpty());
    }

    @Test
    void a_session_has_one_outbox() {
        assertSame(SocketOutbox.of(client.session, 3), SocketOutbox.of(client.session, 50));
    }
}

package io.quarterdeck.adapters.rest.spine.socket;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A feed's sender for one session: at most one message in flight, at most {@code capacity} waiting. When a
 * subscriber cannot keep up, the oldest waiting messages are dropped and the subscriber is told so with
 * {@code {"type":"dropped","count":N}} before the next message it gets, so a slow client costs the server a bounded
 * amount of memory and never holds up the producer. Thread-safe; {@link #offer} never blocks.
 */
public final class SocketOutbox implements SendHandler {
    private static final Logger LOG = Logger.getLogger(SocketOutbox.class.getName());
    private static final String PROPERTY = "io.quarterdeck.socket.outbox";

    private final Session session;
    private final int capacity;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private long dropped;
    private long droppedTotal;
    private boolean sending;

    SocketOutbox(Session session, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.session = session;
        this.capacity = capacity;
    }

    /** The outbox of a session, created on first use with the given capacity. */
    public static SocketOutbox of(Session session, int capacity) {
        synchronized (session) {
            Object existing = session.getUserProperties().get(PROPERTY);
            if (existing instanceof SocketOutbox outbox) {
                return outbox;
            }
            SocketOutbox outbox = new SocketOutbox(session, capacity);
            session.getUserProperties().put(PROPERTY, outbox);
            return outbox;
        }
    }

    /** Queues a text message; drops the oldest waiting one when full. Returns false when the session is closed. */
    public boolean offer(String text) {
        if (!session.isOpen()) {
            return false;
        }
        String next;
        synchronized (this) {
            if (waiting.size() >= capacity) {
                waiting.pollFirst();
                dropped++;
                droppedTotal++;
            }
            waiting.addLast(text);
            if (sending) {
                return true;
            }
            next = takeNext();
        }
        send(next);
        return true;
    }

    /** Messages dropped since the session began (for tests and metrics). */
    public synchronized long droppedTotal() {
        return droppedTotal;
    }

    /** Messages waiting to be sent. */
    public synchronized int waiting() {
        return waiting.size();
    }

    @Override
    public void onResult(SendResult result) {
        if (!result.isOK()) {
            LOG.log(Level.FINE, "a subscriber could not be written to; closing its outbox", result.getException());
            synchronized (this) {
                waiting.clear();
                sending = false;
            }
            return;
        }
        String next;
        synchronized (this) {
            next = takeNext();
        }
        if (next != null) {
            send(next);
        }
    }

    /** The next message to send (the drop notice first), marking the outbox busy; null (and idle) when empty. */
    private String takeNext() {
        if (dropped > 0) {
            String notice = "{\"type\":\"dropped\",\"count\":" + dropped + "}";
            dropped = 0;
            sending = true;
            return notice;
        }
        String next = waiting.pollFirst();
        sending = next != null;
        return next;
    }

    private void send(String text) {
        try {
            session.getAsyncRemote().sendText(text, this);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a subscriber could not be written to", e);
            synchronized (this) {
                waiting.clear();
                sending = false;
            }
        }
    }
}

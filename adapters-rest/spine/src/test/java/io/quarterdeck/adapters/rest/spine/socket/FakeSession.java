package io.quarterdeck.adapters.rest.spine.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WebSocket session as far as the socket package uses it, recording what is sent and how it was closed. Sends
 * complete only when the test says so ({@link #completeSends}), like a client that reads slowly.
 */
final class FakeSession {
    final Map<String, Object> properties = new HashMap<>();
    final List<String> sent = new ArrayList<>();
    final List<SendHandler> inFlight = new ArrayList<>();
    volatile CloseReason closedWith;
    final Session session;

    FakeSession() {
        RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        synchronized (this) {
                            sent.add((String) args[0]);
                            inFlight.add((SendHandler) args[1]);
                        }
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUserProperties" -> properties;
                    case "isOpen" -> closedWith == null;
                    case "getAsyncRemote" -> async;
                    case "close" -> {
                        closedWith = (CloseReason) args[0];
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeSession";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Completes every send in flight (each completion may start the next send). */
    void completeSends() {
        while (true) {
            List<SendHandler> done;
            synchronized (this) {
                if (inFlight.isEmpty()) {
                    return;
                }
                done = new ArrayList<>(inFlight);
                inFlight.clear();
            }
            done.forEach(h -> h.onResult(new SendResult()));
        }
    }
}

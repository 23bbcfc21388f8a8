package io.quarterdeck.adapters.rest.apiv1.containers;

import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.application.port.in.containers.ContainersUseCase;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the two container surfaces ({@code /api/v1/containers} and {@code /api/v1/docker/{server_id}/containers})
 * share: the {@code lines} and {@code follow} parameters and the follow stream.
 * <p>
 * A follow is a {@code text/event-stream}: one event per log line ({@code data: <timestamp> <text>}), a comment
 * every 15 s while the container is quiet (so a departed client is noticed), and an {@code event: end} when the
 * container stops. Lines wait in a bounded queue of {@value #QUEUE} lines; a client too slow to keep up has its
 * stream ended (with {@code event: overflow}) rather than making the server buffer without bound.
 */
public final class ContainerRequests {
    static final int QUEUE = 10_000;
    private static final String END = new String(new char[] {0});
    private static final String OVERFLOW = new String(new char[] {1});

    private ContainerRequests() {
    }

    public static int lines(String raw) {
        return QueryParameters.integer("lines", raw, 100, 1, 10_000);
    }

    public static boolean follow(String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidFieldException("follow", "must be true or false");
        };
    }

    /** The follow stream as a response; the container is looked up (404) before the response starts. */
    public static Response stream(ContainersUseCase containers, Caller caller, String serverId, String containerId,
                                  int lines) {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE + 2);
        AutoCloseable handle = containers.follow(caller, serverId, containerId, lines, line -> {
            if (!queue.offer(line) || queue.remainingCapacity() <= 2) {
                queue.offer(OVERFLOW);
            }
        }, () -> queue.offer(END));
        StreamingOutput body = out -> pump(queue, handle, out);
        return Response.ok(body, MediaType.SERVER_SENT_EVENTS_TYPE).header("Cache-Control", "no-cache")
                .header("Content-Encoding", "identity").header("X-Accel-Buffering", "no").build();
    }

    private static void pump(BlockingQueue<String> queue, AutoCloseable handle, OutputStream out) throws IOException {
        try {
            out.write(": following\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String line = queue.poll(15, TimeUnit.SECONDS);
                if (line == null) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                } else if (line == END) {
                    out.write("event: end\ndata: the container stopped\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    return;
                } else if (line == OVERFLOW) {
                    out.write("event: overflow\ndata: the client did not keep up\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    return;
                } else {
                    StringBuilder event = new StringBuilder(line.length() + 8);
                    String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
                    for (String part : text.split("\r?\n|\r", -1)) {
                        event.append("data: ").append(part).append('\n');
                    }
                    out.write(event.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                    if (queue.isEmpty()) {
                        out.flush();
                    }
                    continue;
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                handle.close();
            } catch (Exception e) {
                // the follow is over either way
            }
        }
    }
}

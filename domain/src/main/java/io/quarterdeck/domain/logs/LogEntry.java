package io.quarterdeck.domain.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One log line from one source. {@code service} is the source's name (a container's name, an app, a shipper's
 * {@code service}/{@code job} label); {@code container}, {@code server} and {@code app} are set when known. Labels are
 * the rest of the metadata, as strings. A message longer than {@link #MAX_MESSAGE_BYTES} bytes is cut there and
 * {@code truncated} is set: one huge line never costs a whole push. Times are kept to the microsecond.
 *
 * @param id 0 until stored, then the store's sequence number (newer lines have larger ids)
 */
public record LogEntry(long id, Instant timestamp, LogLevel level, String service, String container, String server,
                       String app, String message, Map<String, String> labels, boolean truncated) {
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;
    public static final int MAX_NAME_CHARS = 200;
    public static final int MAX_LABELS = 32;
    public static final int MAX_LABEL_CHARS = 1024;

    public LogEntry {
        // Microseconds: what both databases keep (H2 truncates, PostgreSQL rounds); a line reads back as it went in.
        timestamp = Objects.requireNonNull(timestamp, "timestamp").truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Objects.requireNonNull(level, "level");
        service = name(service);
        if (service == null) {
            service = "unknown";
        }
        container = name(container);
        server = name(server);
        app = name(app);
        message = message == null ? "" : message;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }

    /**
     * A line as received: the message cut to {@link #MAX_MESSAGE_BYTES} (UTF-8, on a character boundary, marked
     * {@code truncated}), labels bounded in number and length, names bounded.
     */
    public static LogEntry received(Instant timestamp, LogLevel level, String service, String container,
                                    String server, String app, String message, Map<String, String> labels) {
        String text = message == null ? "" : message;
        boolean cut = false;
        if (text.length() > MAX_MESSAGE_BYTES / 4) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_MESSAGE_BYTES) {
                text = cutUtf8(bytes, MAX_MESSAGE_BYTES);
                cut = true;
            }
        }
        Map<String, String> bounded = new TreeMap<>();
        if (labels != null) {
            for (Map.Entry<String, String> e : labels.entrySet()) {
                if (bounded.size() >= MAX_LABELS) {
                    break;
                }
                if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                    continue;
                }
                bounded.put(clip(e.getKey(), 100), clip(e.getValue(), MAX_LABEL_CHARS));
            }
        }
        return new LogEntry(0, timestamp, level, service, container, server, app, text, bounded, cut);
    }

    /** The same line with its store id. */
    public LogEntry withId(long storedId) {
        return new LogEntry(storedId, timestamp, level, service, container, server, app, message, labels, truncated);
    }

    /** The same line with another message and labels (after scrubbing). */
    public LogEntry withText(String newMessage, Map<String, String> newLabels) {
        return new LogEntry(id, timestamp, level, service, container, server, app, newMessage, newLabels, truncated);
    }

    /** Whether the id names this line's source: its service, container, server or app. */
    public boolean from(String sourceId) {
        return sourceId.equals(service) || sourceId.equals(container) || sourceId.equals(server)
                || sourceId.equals(app);
    }

    private static String name(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return clip(s.strip(), MAX_NAME_CHARS);
    }

    private static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String cutUtf8(byte[] bytes, int max) {
        int end = max;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}

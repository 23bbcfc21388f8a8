package io.quarterdeck.adapters.rest.apiv1.intake;

import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.shared.FieldTooLargeException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loki's push body (JSON) into log lines: {@code {"streams":[{"stream":{labels},"values":[["<unix ns>","line",
 * {structured metadata}?], ...]}]}}, and the older {@code {"labels":"{a=\"b\"}","entries":[{"ts","line"}]}} form.
 * The source comes from the labels as Promtail, Alloy and Fluent Bit set them: {@code service} (else
 * {@code service_name}, {@code job}, {@code container}, {@code app}), {@code container}/{@code container_name},
 * {@code host}/{@code hostname}/{@code instance} for the server, {@code app}; the level from {@code level},
 * {@code severity} or {@code detected_level}, else from the line itself. Every label stays in the metadata.
 */
final class LokiPushParser {
    static final int MAX_LINES = 100_000;
    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger LATEST_NANOS = BigInteger.valueOf(253_402_300_799L).multiply(BILLION);

    private LokiPushParser() {
    }

    static List<LogEntry> parse(JsonValue body) {
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidFieldException("body", "must be a JSON object with streams");
        }
        JsonValue streams = body.asJsonObject().get("streams");
        if (streams == null || streams.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidFieldException("streams", "must be an array");
        }
        List<LogEntry> out = new ArrayList<>();
        JsonArray list = streams.asJsonArray();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidFieldException("streams[" + i + "]", "must be an object");
            }
            JsonObject s = list.get(i).asJsonObject();
            if (s.containsKey("values")) {
                values(s, i, out);
            } else if (s.containsKey("entries")) {
                entries(s, i, out);
            } else {
                throw new InvalidFieldException("streams[" + i + "]", "must have values");
            }
            if (out.size() > MAX_LINES) {
                throw new FieldTooLargeException("streams", MAX_LINES);
            }
        }
        return out;
    }

    private static void values(JsonObject s, int i, List<LogEntry> out) {
        Map<String, String> labels = stringMap(s.get("stream"), "streams[" + i + "].stream");
        JsonValue values = s.get("values");
        if (values.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidFieldException("streams[" + i + "].values", "must be an array");
        }
        JsonArray vs = values.asJsonArray();
        for (int j = 0; j < vs.size(); j++) {
            String field = "streams[" + i + "].values[" + j + "]";
            JsonValue v = vs.get(j);
            if (v.getValueType() != JsonValue.ValueType.ARRAY || v.asJsonArray().size() < 2
                    || v.asJsonArray().size() > 3) {
                throw new InvalidFieldException(field, "must be [\"<unix nanoseconds>\", \"<line>\"]");
            }
            JsonArray pair = v.asJsonArray();
            Instant at = nanos(text(pair.get(0), field), field);
            String line = text(pair.get(1), field);
            Map<String, String> meta = labels;
            if (pair.size() == 3) {
                meta = new LinkedHashMap<>(labels);
                meta.putAll(stringMap(pair.get(2), field + "[2]"));
            }
            out.add(entry(at, line, meta));
        }
    }

    private static void entries(JsonObject s, int i, List<LogEntry> out) {
        JsonValue rawLabels = s.get("labels");
        Map<String, String> labels = rawLabels instanceof JsonString js ? LabelSelector.parse(js.getString())
                : Map.of();
        JsonValue entries = s.get("entries");
        if (entries.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidFieldException("streams[" + i + "].entries", "must be an array");
        }
        JsonArray es = entries.asJsonArray();
        for (int j = 0; j < es.size(); j++) {
            String field = "streams[" + i + "].entries[" + j + "]";
            if (es.get(j).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidFieldException(field, "must be an object with ts and line");
            }
            JsonObject e = es.get(j).asJsonObject();
            Instant at;
            try {
                at = OffsetDateTime.parse(text(e.get("ts"), field + ".ts")).toInstant();
            } catch (DateTimeParseException ex) {
                throw new InvalidFieldException(field + ".ts", "must be an RFC 3339 time");
            }
            out.add(entry(at, text(e.get("line"), field + ".line"), labels));
        }
    }

    static LogEntry entry(Instant at, String line, Map<String, String> labels) {
        String service = first(labels, "service", "service_name", "job", "container", "container_name", "app",
                "application");
        String container = first(labels, "container", "container_name");
        String server = first(labels, "host", "hostname", "instance", "node", "nodename");
        String app = first(labels, "app", "application");
        LogLevel level = LogLevel.lenient(first(labels, "level", "severity", "detected_level", "lvl"));
        if (level == null) {
            level = LogLevel.sniff(line, LogLevel.INFO);
        }
        return LogEntry.received(at, level, service, container, server, app, line, labels);
    }

    private static String first(Map<String, String> labels, String... names) {
        for (String n : names) {
            String v = labels.get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static Instant nanos(String raw, String field) {
        BigInteger n;
        try {
            if (raw.length() > 25) {
                throw new NumberFormatException();
            }
            n = new BigInteger(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "the time must be a whole number of nanoseconds since 1970");
        }
        if (n.signum() < 0 || n.compareTo(LATEST_NANOS) > 0) {
            throw new InvalidFieldException(field, "the time must be between the years 1970 and 9999");
        }
        BigInteger[] qr = n.divideAndRemainder(BILLION);
        return Instant.ofEpochSecond(qr[0].longValue(), qr[1].longValue());
    }

    private static String text(JsonValue v, String field) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidFieldException(field, "must be a string");
    }

    private static Map<String, String> stringMap(JsonValue v, String field) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidFieldException(field, "must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
            out.put(e.getKey(), e.getValue() instanceof JsonString s ? s.getString() : e.getValue().toString());
        }
        return out;
    }
}

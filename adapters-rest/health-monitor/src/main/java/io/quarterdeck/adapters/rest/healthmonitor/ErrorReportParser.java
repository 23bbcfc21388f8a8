package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.adapters.rest.spine.JsonConversion;
import io.quarterdeck.application.port.in.errors.IngestErrorCommand;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON of {@code POST /api/errors} into a command, naming the first field of the wrong type. */
final class ErrorReportParser {
    private ErrorReportParser() {
    }

    static IngestErrorCommand parse(JsonValue body, String userAgent, String ipAddress) {
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidFieldException("body", "must be a JSON object");
        }
        JsonObject o = body.asJsonObject();
        JsonValue context = o.get("context");
        if (context != null && context.getValueType() != JsonValue.ValueType.NULL
                && context.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidFieldException("context", "must be a JSON object");
        }
        return new IngestErrorCommand(string(o, "level"), string(o, "message"), string(o, "stack_trace"),
                context instanceof JsonObject c ? JsonConversion.toMap(c) : null, string(o, "source"),
                string(o, "environment"), string(o, "url"), fingerprint(o), userAgent, ipAddress);
    }

    private static String string(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidFieldException(field, "must be a string");
    }

    private static List<String> fingerprint(JsonObject o) {
        JsonValue v = o.get("fingerprint");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (v instanceof JsonArray a) {
            List<String> parts = new ArrayList<>(a.size());
            for (JsonValue e : a) {
                if (!(e instanceof JsonString s)) {
                    throw new InvalidFieldException("fingerprint", "must be a string or a list of strings");
                }
                parts.add(s.getString());
            }
            return parts;
        }
        throw new InvalidFieldException("fingerprint", "must be a string or a list of strings");
    }
}

package io.quarterdeck.adapters.rest.apiv1.alerts;

import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.application.port.in.alerting.ExternalAlert;
import io.quarterdeck.domain.alerting.Severity;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alertmanager's webhook document (version 4): {@code receiver}, {@code status} and {@code alerts}, each with
 * {@code status} (firing/resolved), {@code labels} ({@code alertname}, {@code severity}, {@code service} or
 * {@code job}/{@code instance}), {@code annotations} ({@code summary}, {@code description}), {@code startsAt},
 * {@code endsAt} and {@code fingerprint} (computed from the labels when absent). Mapped into the core's
 * {@link ExternalAlert}; an alert that fails validation is a 400 naming it.
 */
final class AlertmanagerPayload {
    static final int MAX_ALERTS = 1000;

    private AlertmanagerPayload() {
    }

    record Parsed(String receiver, List<ExternalAlert> alerts) {
    }

    static Parsed parse(JsonValue body) {
        JsonObject o = JsonFields.object(body);
        String receiver = JsonFields.string(o, "receiver");
        JsonValue list = o.get("alerts");
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidFieldException("alerts", "is required: a list of alerts");
        }
        if (list.asJsonArray().size() > MAX_ALERTS) {
            throw new InvalidFieldException("alerts", "must hold at most " + MAX_ALERTS + " alerts");
        }
        List<ExternalAlert> out = new ArrayList<>();
        int i = 0;
        for (JsonValue v : list.asJsonArray()) {
            String field = "alerts[" + i++ + "]";
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidFieldException(field, "must be an object");
            }
            JsonObject a = v.asJsonObject();
            TreeMap<String, String> labels = strings(a, "labels", field);
            TreeMap<String, String> annotations = strings(a, "annotations", field);
            String status = JsonFields.string(a, "status");
            if (status == null) {
                status = JsonFields.string(o, "status");
            }
            if (!"firing".equals(status) && !"resolved".equals(status)) {
                throw new InvalidFieldException(field + ".status", "must be firing or resolved");
            }
            String name = labels.getOrDefault("alertname", "alert");
            String fingerprint = JsonFields.string(a, "fingerprint");
            if (fingerprint == null || fingerprint.isBlank() || fingerprint.length() > 128) {
                fingerprint = digest(labels.toString());
            }
            String sev = labels.get("severity");
            Severity severity;
            try {
                severity = sev == null ? Severity.WARNING : Severity.parse(field + ".labels.severity", sev);
            } catch (InvalidFieldException e) {
                severity = Severity.WARNING;
            }
            String service = labels.getOrDefault("service", labels.getOrDefault("job", labels.get("instance")));
            String description = annotations.getOrDefault("description", annotations.getOrDefault("summary", name));
            Instant starts = time(a, "startsAt", field);
            Instant ends = time(a, "endsAt", field);
            out.add(new ExternalAlert("am-" + fingerprint, name, severity, service, description,
                    status.equals("firing"), starts, ends, number(annotations, "value"),
                    number(annotations, "threshold")));
        }
        return new Parsed(receiver, out);
    }

    /** An annotation holding a number (alert templates render {@code $value} and thresholds as text); else 0. */
    private static double number(Map<String, String> annotations, String name) {
        String text = annotations.get(name);
        if (text == null) {
            return 0;
        }
        try {
            double d = Double.parseDouble(text.trim());
            return Double.isFinite(d) ? d : 0;
        } catch (NumberFormatException e) {
            return 0; // not a number: none
        }
    }

    /** Alertmanager writes 0001-01-01T00:00:00Z for "no end": that is no time. */
    private static Instant time(JsonObject a, String name, String field) {
        String raw = JsonFields.string(a, name);
        if (raw == null || raw.startsWith("0001-")) {
            return null;
        }
        return QueryParameters.instant(field + "." + name, raw);
    }

    private static TreeMap<String, String> strings(JsonObject a, String name, String field) {
        TreeMap<String, String> out = new TreeMap<>();
        JsonValue v = a.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return out;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidFieldException(field + "." + name, "must be an object of strings");
        }
        v.asJsonObject().forEach((k, x) -> {
            if (x.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidFieldException(field + "." + name + "." + k, "must be a string");
            }
            out.put(k, ((jakarta.json.JsonString) x).getString());
        });
        return out;
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.quarterdeck.adapters.rest.healthmonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarterdeck.adapters.rest.healthmonitor.ErrorDto;
import io.quarterdeck.domain.errors.ClientInfo;
import io.quarterdeck.domain.errors.ErrorEvent;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.ErrorReport;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feed's messages as seed 001 section 7 shows them. */
class ErrorFeedTest {
    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void a_new_error_carries_the_full_error() {
        ErrorReport report = new ErrorReport(ErrorLevel.ERROR, "boom", null, Map.of("a", "1"), "web", null, null,
                List.of());
        ErrorGroup g = ErrorGroup.open(new ErrorGroupId("550e8400-e29b-41d4-a716-446655440000"), new ErrorEvent(
                report, ClientInfo.UNKNOWN, new Fingerprint("0123456789abcdef0123456789abcdef"), 1,
                Instant.parse("2025-01-20T10:30:00Z")));
        JsonObject m = parse(ErrorFeed.render(new ErrorFeed.Message("new_error", ErrorDto.from(g))));
        assertEquals("new_error", m.getString("type"));
        JsonObject data = m.getJsonObject("data");
        assertEquals("550e8400-e29b-41d4-a716-446655440000", data.getString("id"));
        assertEquals("boom", data.getString("message"));
        assertEquals(1, data.getInt("count"));
        assertEquals("2025-01-20T10:30:00Z", data.getString("first_seen"));
        assertEquals("1", data.getJsonObject("context").getString("a"));
    }

    @Test
    void a_resolution_carries_the_id() {
        JsonObject m = parse(ErrorFeed.render(new ErrorFeed.Message("error_resolved", Map.of("id", "abc"))));
        assertEquals("error_resolved", m.getString("type"));
        assertEquals("abc", m.getJsonObject("data").getString("id"));
    }

    @Test
    void a_service_status_change_names_the_service_and_its_state() {
        JsonObject m = parse(ErrorFeed.render(new ErrorFeed.Message("service_status_change",
                Map.of("service", "database", "status", "unhealthy"))));
        assertEquals("service_status_change", m.getString("type"));
        assertEquals("database", m.getJsonObject("data").getString("service"));
        assertEquals("unhealthy", m.getJsonObject("data").getString("status"));
    }
}

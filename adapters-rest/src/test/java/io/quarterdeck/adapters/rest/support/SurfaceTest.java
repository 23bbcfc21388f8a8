package io.quarterdeck.adapters.rest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurfaceTest {

    @ParameterizedTest
    @CsvSource({"/health,HEALTH_MONITOR", "api/errors,HEALTH_MONITOR", "/api/v1/logs,API_V1", "api/v1,API_V1",
        "/api/v10/x,HEALTH_MONITOR", "/cluster-ai/workers,CLUSTER_AI", "/cluster-aix,HEALTH_MONITOR", "'',HEALTH_MONITOR"})
    void surfaces_follow_the_api_map(String path, Surface expected) {
        assertEquals(expected, Surface.of(path));
    }

    static JsonObject body(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void each_surface_has_its_error_shape() {
        JsonObject hm = body(ErrorBodies.body(Surface.HEALTH_MONITOR, "RESOURCE_NOT_FOUND", "Error not found", Map.of()));
        assertEquals("{\"error\":\"Error not found\",\"status\":\"error\"}", hm.toString());
        JsonObject v1 = body(ErrorBodies.body(Surface.API_V1, "RESOURCE_NOT_FOUND", "Container not found",
                Map.of("container_id", "x")));
        assertEquals("{\"error\":{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Container not found\","
                + "\"details\":{\"container_id\":\"x\"}}}", v1.toString());
        JsonObject ca = body(ErrorBodies.body(Surface.CLUSTER_AI, "UNAUTHORIZED", "Not authenticated", Map.of()));
        assertEquals("{\"detail\":\"Not authenticated\"}", ca.toString());
    }
}

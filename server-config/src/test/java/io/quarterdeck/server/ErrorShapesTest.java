package io.quarterdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarterdeck.adapters.rest.apiv1.ApiV1ErrorShape;
import io.quarterdeck.adapters.rest.clusterai.ClusterAiErrorShape;
import io.quarterdeck.adapters.rest.healthmonitor.HealthMonitorErrorShape;
import io.quarterdeck.adapters.rest.spine.ErrorBodies;
import io.quarterdeck.adapters.rest.spine.ErrorShape;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The surfaces' error shapes as the WAR assembles them: every path finds the shape API-MAP.md mounts it under. */
class ErrorShapesTest {

    @ParameterizedTest
    @CsvSource({"/health,HealthMonitorErrorShape", "api/errors,HealthMonitorErrorShape", "/api/v1/logs,ApiV1ErrorShape",
        "api/v1,ApiV1ErrorShape", "/api/v10/x,HealthMonitorErrorShape", "/cluster-ai/workers,ClusterAiErrorShape",
        "/cluster-aix,HealthMonitorErrorShape", "'',HealthMonitorErrorShape"})
    void surfaces_follow_the_api_map(String path, String expected) {
        assertEquals(expected, ErrorBodies.shapeOf(path).getClass().getSimpleName());
    }

    static JsonObject body(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    static JsonObject body(ErrorShape shape, String code, String message, Map<String, String> details) {
        return body(shape.body(code, message, details));
    }

    @Test
    void each_surface_has_its_error_shape() {
        JsonObject hm = body(new HealthMonitorErrorShape(), "RESOURCE_NOT_FOUND", "Error not found", Map.of());
        assertEquals("{\"error\":\"Error not found\",\"status\":\"error\"}", hm.toString());
        JsonObject v1 = body(new ApiV1ErrorShape(), "RESOURCE_NOT_FOUND", "Container not found",
                Map.of("container_id", "x"));
        assertEquals("{\"error\":{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Container not found\","
                + "\"details\":{\"container_id\":\"x\"}}}", v1.toString());
        JsonObject ca = body(new ClusterAiErrorShape(), "UNAUTHORIZED", "Not authenticated", Map.of());
        assertEquals("{\"detail\":\"Not authenticated\"}", ca.toString());
    }

    @Test
    void a_path_answers_in_its_shape() {
        assertEquals("{\"detail\":\"Not found\"}", body(ErrorBodies.body("/cluster-ai/x", "RESOURCE_NOT_FOUND",
                "Not found", Map.of())).toString());
    }
}

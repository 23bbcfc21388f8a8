package io.quarterdeck.adapters.rest.spine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarterdeck.adapters.rest.spine.ErrorShape;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLabelsTest {
    @Path("/api/things")
    static class Things {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("{id}/parts")
        public String parts() {
            return "";
        }
    }

    static final class HealthMonitorErrorShape implements ErrorShape {
        @Override
        public String mount() {
            return "";
        }

        @Override
        public String body(String code, String message, Map<String, String> details) {
            return "{}";
        }
    }

    static final class ApiV1ErrorShape implements ErrorShape {
        @Override
        public String mount() {
            return "api/v1";
        }

        @Override
        public String body(String code, String message, Map<String, String> details) {
            return "{}";
        }
    }

    @Test
    void the_route_is_the_template_of_the_matched_method_never_the_raw_path() throws Exception {
        assertEquals("/api/things", RequestLabels.route(Things.class, Things.class.getMethod("list")));
        assertEquals("/api/things/{id}/parts", RequestLabels.route(Things.class, Things.class.getMethod("parts")));
        assertEquals(RequestLabels.UNMATCHED, RequestLabels.route(null, null));
    }

    @Test
    void methods_outside_the_fixed_list_share_one_value() {
        assertEquals("GET", RequestLabels.method("GET"));
        assertEquals("PATCH", RequestLabels.method("PATCH"));
        assertEquals(RequestLabels.OTHER, RequestLabels.method("QDXYZ"));
        assertEquals(RequestLabels.OTHER, RequestLabels.method("get"));
        assertEquals(RequestLabels.OTHER, RequestLabels.method(null));
    }

    @Test
    void statuses_are_three_digit_codes() {
        assertEquals("404", RequestLabels.status(404));
        assertEquals(RequestLabels.OTHER, RequestLabels.status(42));
        assertEquals(RequestLabels.OTHER, RequestLabels.status(1000));
    }

    @Test
    void a_surface_is_named_after_its_error_shape() {
        assertEquals("health-monitor", RequestLabels.surface(new HealthMonitorErrorShape()));
        assertEquals("api-v1", RequestLabels.surface(new ApiV1ErrorShape()));
    }
}

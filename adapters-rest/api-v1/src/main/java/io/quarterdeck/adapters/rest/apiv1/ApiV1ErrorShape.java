package io.quarterdeck.adapters.rest.apiv1;

import io.quarterdeck.adapters.rest.spine.ErrorShape;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/** The error body of seeds 000, 003 and 004: {@code {"error": {"code", "message", "details"}}}, under /api/v1. */
public final class ApiV1ErrorShape implements ErrorShape {
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public String mount() {
        return "api/v1";
    }

    @Override
    public String body(String code, String message, Map<String, String> details) {
        JsonObjectBuilder d = JSON.createObjectBuilder();
        details.forEach(d::add);
        return JSON.createObjectBuilder()
                .add("error", JSON.createObjectBuilder().add("code", code).add("message", message).add("details", d))
                .build().toString();
    }
}

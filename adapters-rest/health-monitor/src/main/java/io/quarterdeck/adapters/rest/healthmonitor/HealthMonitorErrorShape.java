package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.adapters.rest.spine.ErrorShape;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/**
 * Seed 001's error body, {@code {"error": "...", "status": "error"}}; the root surface, so every path no other surface
 * is mounted at ({@code /health}, {@code /api}, {@code /ws}, unknown paths) answers in it.
 */
public final class HealthMonitorErrorShape implements ErrorShape {
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public String mount() {
        return "";
    }

    @Override
    public String body(String code, String message, Map<String, String> details) {
        return JSON.createObjectBuilder().add("error", message).add("status", "error").build().toString();
    }

    @Override
    public String missingCredentialsMessage() {
        return "Missing X-API-Key header or bearer token";
    }
}

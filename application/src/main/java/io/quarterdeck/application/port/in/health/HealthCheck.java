package io.quarterdeck.application.port.in.health;

import java.util.Map;

/** One named check, up or down, with data to show. */
public record HealthCheck(String name, boolean up, Map<String, Object> data) {
    public HealthCheck {
        data = Map.copyOf(data);
    }
}

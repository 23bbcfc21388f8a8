package io.quarterdeck.adapters.rest.clusterai;

import io.quarterdeck.adapters.rest.spine.ErrorShape;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/** Seed 002's error body, {@code {"detail": "..."}}, under /cluster-ai. */
public final class ClusterAiErrorShape implements ErrorShape {
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public String mount() {
        return "cluster-ai";
    }

    @Override
    public String body(String code, String message, Map<String, String> details) {
        return JSON.createObjectBuilder().add("detail", message).build().toString();
    }
}

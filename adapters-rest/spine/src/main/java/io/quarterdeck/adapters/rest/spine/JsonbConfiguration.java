package io.quarterdeck.adapters.rest.spine;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Every contract speaks snake_case JSON: DTO records keep Java names, JSON-B writes them with underscores. */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {
    private static final Jsonb JSONB = create();

    public static Jsonb create() {
        return JsonbBuilder.create(new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));
    }

    /** The shared instance, for code that writes JSON outside JAX-RS (WebSocket messages). */
    public static Jsonb shared() {
        return JSONB;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}

package io.quarterdeck.server;


import static io.quarterdeck.server.ConfigKey.CORS_ORIGINS;
import static io.quarterdeck.server.ConfigKey.ERRORS_MAX_BATCH_ITEMS;
import static io.quarterdeck.server.ConfigKey.ERRORS_MAX_BODY_BYTES;
import static io.quarterdeck.server.ConfigKey.HTTP_MAX_BODY_BYTES;
import static io.quarterdeck.server.ConfigKey.HTTP_TRUSTED_PROXIES;
import static io.quarterdeck.server.ConfigKey.RATE_LIMIT_ANONYMOUS_PER_MINUTE;
import static io.quarterdeck.server.ConfigKey.RATE_LIMIT_AUTH_PER_MINUTE;
import static io.quarterdeck.server.ConfigKey.RATE_LIMIT_CALLER_PER_MINUTE;
import static io.quarterdeck.server.ConfigKey.RATE_LIMIT_ENABLED;
import static io.quarterdeck.server.ConfigKey.RATE_LIMIT_INGEST_PER_MINUTE;
import static io.quarterdeck.server.ConfigKey.WS_DASHBOARD_SOCKETS_PER_USER;
import static io.quarterdeck.server.ConfigKey.WS_IDLE_TIMEOUT_SECONDS;

import io.quarterdeck.adapters.rest.spine.RestSettings;
import io.quarterdeck.adapters.rest.spine.socket.SocketLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** The REST adapters' settings (spine and surfaces), read once at start. */
@ApplicationScoped
public class RestSettingsProducer {

    @Produces
    @Singleton
    RestSettings rest(Config config) {
        return read(ConfigReader.of(config));
    }

    static RestSettings read(ConfigReader c) {
        return new RestSettings(c.list(HTTP_TRUSTED_PROXIES), c.list(CORS_ORIGINS), c.whole(HTTP_MAX_BODY_BYTES),
                new RestSettings.RateLimits(c.flag(RATE_LIMIT_ENABLED), c.whole(RATE_LIMIT_AUTH_PER_MINUTE),
                        c.whole(RATE_LIMIT_ANONYMOUS_PER_MINUTE), c.whole(RATE_LIMIT_CALLER_PER_MINUTE),
                        c.whole(RATE_LIMIT_INGEST_PER_MINUTE)),
                c.integer(ERRORS_MAX_BODY_BYTES), c.integer(ERRORS_MAX_BATCH_ITEMS),
                Duration.ofSeconds(c.whole(WS_IDLE_TIMEOUT_SECONDS)));
    }

    @Produces
    @Singleton
    SocketLimits socketLimits(Config config) {
        return readSocketLimits(ConfigReader.of(config));
    }

    static SocketLimits readSocketLimits(ConfigReader c) {
        return new SocketLimits(c.integer(WS_DASHBOARD_SOCKETS_PER_USER));
    }
}

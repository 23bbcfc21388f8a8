package io.quarterdeck.server;

import static io.quarterdeck.server.ConfigKey.DOCKER_CALL_TIMEOUT_SECONDS;
import static io.quarterdeck.server.ConfigKey.DOCKER_CONNECT_TIMEOUT_SECONDS;
import static io.quarterdeck.server.ConfigKey.DOCKER_MAX_CONNECTIONS;
import static io.quarterdeck.server.ConfigKey.DOCKER_RETRY_AFTER_SECONDS;
import static io.quarterdeck.server.ConfigKey.DOCKER_STATS_TIMEOUT_MILLIS;
import static io.quarterdeck.server.ConfigKey.DOCKER_URL;
import static io.quarterdeck.server.ConfigKey.TERMINAL_IDLE_TIMEOUT_SECONDS;
import static io.quarterdeck.server.ConfigKey.TERMINAL_SESSIONS_PER_USER;
import static io.quarterdeck.server.ConfigKey.TERMINAL_SHELL;

import io.quarterdeck.adapters.docker.DockerSettings;
import io.quarterdeck.application.port.in.containers.ContainerSettings;
import io.quarterdeck.domain.containers.EngineEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** Container management's settings (issue 18): the Docker adapter's and the core's, read once at start. */
@ApplicationScoped
public class ContainerSettingsProducer {

    @Produces
    @Singleton
    DockerSettings docker(Config config) {
        return docker(ConfigReader.of(config));
    }

    @Produces
    @Singleton
    ContainerSettings containers(Config config) {
        return containers(ConfigReader.of(config));
    }

    static DockerSettings docker(ConfigReader c) {
        String url;
        try {
            url = EngineEndpoint.of(c.text(DOCKER_URL)).url();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(DOCKER_URL.key() + ": " + e.getMessage(), e);
        }
        return new DockerSettings(url, Duration.ofSeconds(c.whole(DOCKER_CALL_TIMEOUT_SECONDS)),
                Duration.ofMillis(c.whole(DOCKER_STATS_TIMEOUT_MILLIS)),
                Duration.ofSeconds(c.whole(DOCKER_CONNECT_TIMEOUT_SECONDS)), c.integer(DOCKER_MAX_CONNECTIONS),
                c.integer(DOCKER_RETRY_AFTER_SECONDS));
    }

    static ContainerSettings containers(ConfigReader c) {
        return new ContainerSettings(Duration.ofSeconds(c.whole(TERMINAL_IDLE_TIMEOUT_SECONDS)),
                c.integer(TERMINAL_SESSIONS_PER_USER), c.list(TERMINAL_SHELL));
    }
}

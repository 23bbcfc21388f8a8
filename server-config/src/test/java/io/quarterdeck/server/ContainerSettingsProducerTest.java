package io.quarterdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.adapters.docker.DockerSettings;
import io.quarterdeck.application.port.in.containers.ContainerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Container management's keys (issue 18): the documented defaults, configured values, and a bad URL stopping the start. */
class ContainerSettingsProducerTest {
    private static ConfigReader config(Map<String, String> values) {
        return new ConfigReader(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void with_nothing_set_the_defaults_are_the_seeds() {
        assertEquals(DockerSettings.defaults(), ContainerSettingsProducer.docker(config(Map.of())));
        ContainerSettings c = ContainerSettingsProducer.containers(config(Map.of()));
        assertEquals(ContainerSettings.defaults(), c);
        assertEquals(Duration.ofMinutes(30), c.terminalIdleTimeout());
        assertEquals(3, c.terminalSessionsPerUser());
    }

    @Test
    void configured_values_are_used() {
        ConfigReader c = config(Map.of("quarterdeck.docker.url", "tcp://10.0.0.5:2375/",
                "quarterdeck.docker.stats-timeout-millis", "750", "quarterdeck.docker.retry-after-seconds", "9",
                "quarterdeck.terminal.idle-timeout-seconds", "4", "quarterdeck.terminal.sessions-per-user", "1",
                "quarterdeck.terminal.shell", "/bin/bash, -l"));
        DockerSettings d = ContainerSettingsProducer.docker(c);
        assertEquals("tcp://10.0.0.5:2375", d.localUrl());
        assertEquals(Duration.ofMillis(750), d.statsTimeout());
        assertEquals(9, d.retryAfterSeconds());
        ContainerSettings s = ContainerSettingsProducer.containers(c);
        assertEquals(new ContainerSettings(Duration.ofSeconds(4), 1, List.of("/bin/bash", "-l")), s);
    }

    @Test
    void a_bad_engine_url_stops_the_start_naming_its_key() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContainerSettingsProducer.docker(config(Map.of("quarterdeck.docker.url", "http://docker"))));
        assertTrue(e.getMessage().startsWith("quarterdeck.docker.url"), e.getMessage());
    }
}

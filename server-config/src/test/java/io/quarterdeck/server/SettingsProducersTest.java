package io.quarterdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.adapters.rest.spine.RestSettings;
import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;
import io.quarterdeck.application.port.in.identity.IdentitySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The producers read each key once, with its default from one place, and refuse a bad value by the key's name. */
class SettingsProducersTest {
    private static ConfigReader config(Map<String, String> values) {
        return new ConfigReader(key -> Optional.ofNullable(values.get(key)));
    }

    private static final ConfigReader NOTHING_SET = config(Map.of("quarterdeck.data-dir", "/srv/qd"));

    @Test
    void with_nothing_set_the_rest_settings_are_the_documented_defaults() {
        RestSettings s = RestSettingsProducer.read(NOTHING_SET);
        assertEquals(new RestSettings(List.of(), List.of(), 10_485_760L,
                new RestSettings.RateLimits(true, 10, 100, 1_000, 1_000), 1_048_576, 100,
                java.time.Duration.ofSeconds(300)), s);
        assertEquals(new io.quarterdeck.adapters.rest.spine.socket.SocketLimits(10),
                RestSettingsProducer.readSocketLimits(NOTHING_SET));
    }

    @Test
    void the_dashboard_socket_limit_is_read_and_a_bad_one_refused_by_name() {
        assertEquals(3, RestSettingsProducer.readSocketLimits(
                config(Map.of("quarterdeck.ws.dashboard-sockets-per-user", "3"))).dashboardPerUser());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RestSettingsProducer
                .readSocketLimits(config(Map.of("quarterdeck.ws.dashboard-sockets-per-user", "0"))));
        assertTrue(e.getMessage().contains("quarterdeck.ws.dashboard-sockets-per-user"), e.getMessage());
    }

    @Test
    void with_nothing_set_the_core_gets_its_own_defaults() {
        assertEquals(ErrorTrackingSettings.defaults(), Settings.errorTracking(NOTHING_SET));
        assertEquals(IdentitySettings.defaults(), Settings.identity(NOTHING_SET));
        ServerSettings server = Settings.server(NOTHING_SET);
        assertEquals(Path.of("/srv/qd"), server.dataDirectory());
        assertEquals(Duration.ofMinutes(10), server.purgeInterval());
        assertEquals(Duration.ofSeconds(15), server.revocationReloadInterval());
        assertEquals("owner", server.ownerUsername());
        assertEquals(Optional.empty(), server.ownerPassword());
        assertEquals(Optional.empty(), server.bootstrapApiKey());
    }

    @Test
    void configured_values_are_used() {
        ConfigReader c = config(Map.of(
                "quarterdeck.http.trusted-proxies", " 10.0.0.0/8 , ::1 ,,",
                "quarterdeck.cors.origins", "https://ops.example.com",
                "quarterdeck.rate-limit.enabled", "off",
                "quarterdeck.rate-limit.caller-per-minute", " 0 ",
                "quarterdeck.errors.max-batch-items", "7",
                "quarterdeck.errors.scrub-keys", "pin, otp",
                "quarterdeck.auth.registration-enabled", "TRUE",
                "quarterdeck.data-dir", "/var/lib/qd",
                "quarterdeck.bootstrap.owner-password", " spaces kept ",
                "quarterdeck.auth.revocation-reload-seconds", "2"));
        RestSettings rest = RestSettingsProducer.read(c);
        assertEquals(List.of("10.0.0.0/8", "::1"), rest.trustedProxies());
        assertEquals(List.of("https://ops.example.com"), rest.corsOrigins());
        assertFalse(rest.rateLimits().enabled());
        assertEquals(0, rest.rateLimits().callerPerMinute());
        assertEquals(7, rest.errorsMaxBatchItems());
        assertEquals(List.of("pin", "otp"), Settings.errorTracking(c).sensitiveKeys());
        assertTrue(Settings.identity(c).registrationOpen());
        ServerSettings server = Settings.server(c);
        assertEquals(Path.of("/var/lib/qd"), server.dataDirectory());
        assertEquals(Optional.of(" spaces kept "), server.ownerPassword(), "a preset password is taken as given");
        assertEquals(Duration.ofSeconds(2), server.revocationReloadInterval());
    }

    @Test
    void a_value_that_does_not_parse_stops_the_start_naming_its_key() {
        assertEquals("quarterdeck.http.max-body-bytes: not a whole number: 10MB", refused(
                () -> RestSettingsProducer.read(config(Map.of("quarterdeck.http.max-body-bytes", "10MB")))));
        assertEquals("quarterdeck.rate-limit.enabled: not true or false: maybe", refused(
                () -> RestSettingsProducer.read(config(Map.of("quarterdeck.rate-limit.enabled", "maybe")))));
        assertEquals("quarterdeck.cors.origins: not an origin (scheme://host[:port]): ops.example.com", refused(
                () -> RestSettingsProducer.read(config(Map.of("quarterdeck.cors.origins", "ops.example.com")))));
        assertEquals("quarterdeck.errors.purge-interval-minutes must be more than 0, not PT0S", refused(
                () -> Settings.server(config(Map.of("quarterdeck.data-dir", "/d",
                        "quarterdeck.errors.purge-interval-minutes", "0")))));
    }

    @Test
    void the_data_directory_has_no_second_default_in_java() {
        assertEquals("quarterdeck.data-dir must be set", refused(() -> Settings.server(config(Map.of()))));
    }

    @Test
    void the_start_up_settings_never_print_the_preset_secrets() {
        ServerSettings s = Settings.server(config(Map.of("quarterdeck.data-dir", "/d",
                "quarterdeck.bootstrap-api-key", "qdk_secret_key", "quarterdeck.bootstrap.owner-password", "hunter2")));
        assertFalse(s.toString().contains("qdk_secret_key"), s.toString());
        assertFalse(s.toString().contains("hunter2"), s.toString());
        assertTrue(s.toString().contains("bootstrapApiKey=(preset)"), s.toString());
    }

    @Test
    void blank_counts_as_not_set() {
        ConfigReader c = config(Map.of("quarterdeck.data-dir", "/d", "quarterdeck.bootstrap.owner-username", "  ",
                "quarterdeck.bootstrap-api-key", ""));
        assertEquals("owner", Settings.server(c).ownerUsername());
        assertEquals(Optional.empty(), Settings.server(c).bootstrapApiKey());
    }

    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}

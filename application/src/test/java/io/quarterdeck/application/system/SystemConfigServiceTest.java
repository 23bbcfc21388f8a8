package io.quarterdeck.application.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.system.ConfigurationUseCase.ConfigChange;
import io.quarterdeck.application.port.in.system.ConfigurationUseCase.ConfigEntry;
import io.quarterdeck.application.port.out.system.ConfigurationSource;
import io.quarterdeck.application.port.out.system.RuntimeSettingRepository;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemConfigServiceTest {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> stored = new LinkedHashMap<>();
    private final List<String> applied = new ArrayList<>();
    private final ConfigurationSource source = new ConfigurationSource() {
        @Override
        public List<Setting> settings() {
            List<Setting> out = new ArrayList<>();
            values.forEach((k, v) -> out.add(new Setting(k, Optional.ofNullable(v), "default")));
            return out;
        }

        @Override
        public boolean changeable(String key) {
            return key.equals("quarterdeck.log.level") || key.equals("quarterdeck.logs.retention-hours");
        }

        @Override
        public String validate(String key, String value) {
            if (key.equals("quarterdeck.logs.retention-hours") && !value.trim().matches("\\d+")) {
                throw new IllegalArgumentException("not a whole number: " + value);
            }
            return value.trim();
        }

        @Override
        public void apply(String key, String value) {
            applied.add(key + "=" + value);
            values.put(key, value);
        }
    };
    private final RuntimeSettingRepository store = new RuntimeSettingRepository() {
        @Override
        public Map<String, String> load() {
            return stored;
        }

        @Override
        public void saveAll(Map<String, String> v, String changedBy, Instant at) {
            stored.putAll(v);
        }
    };
    private final SystemConfigService service = new SystemConfigService(source, store,
            Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
    private final Caller admin = Caller.user("u1", "ada", Role.ADMIN, null, null);

    {
        values.put("quarterdeck.log.level", "INFO");
        values.put("quarterdeck.logs.retention-hours", "168");
        values.put("quarterdeck.bootstrap.owner-password", "hunter2");
        values.put("quarterdeck.grafana.token", "glsa_abc");
        values.put("quarterdeck.jwt.key-encryption-key", "k3y");
        values.put("quarterdeck.bootstrap-api-key", "qdk_x_y");
        values.put("quarterdeck.jwt.private-key-file", "/etc/quarterdeck/key.pem");
        values.put("quarterdeck.rabbitmq.url", "amqp://guest:guest@127.0.0.1:5672/qd");
        values.put("quarterdeck.logs.scrub-keys", "password,token");
        values.put("quarterdeck.oidc.issuer", null);
    }

    private Map<String, ConfigEntry> effective() {
        Map<String, ConfigEntry> out = new LinkedHashMap<>();
        service.effective().forEach(e -> out.put(e.key(), e));
        return out;
    }

    @Test
    void secrets_and_url_credentials_are_redacted_the_rest_shown() {
        Map<String, ConfigEntry> e = effective();
        for (String secret : List.of("quarterdeck.bootstrap.owner-password", "quarterdeck.grafana.token",
                "quarterdeck.jwt.key-encryption-key", "quarterdeck.bootstrap-api-key")) {
            assertEquals(SystemConfigService.REDACTED, e.get(secret).value(), secret);
            assertTrue(e.get(secret).secret(), secret);
        }
        assertEquals("/etc/quarterdeck/key.pem", e.get("quarterdeck.jwt.private-key-file").value(), "a path, not a key");
        assertEquals("amqp://********@127.0.0.1:5672/qd", e.get("quarterdeck.rabbitmq.url").value());
        assertEquals("password,token", e.get("quarterdeck.logs.scrub-keys").value(), "names of keys are no secret");
        assertEquals(null, e.get("quarterdeck.oidc.issuer").value());
        assertTrue(e.get("quarterdeck.log.level").changeable());
    }

    @Test
    void a_change_is_validated_whole_then_stored_and_applied() {
        List<ConfigChange> changes = service.change(admin, Map.of("quarterdeck.logs.retention-hours", " 336 "));
        assertEquals(List.of(new ConfigChange("quarterdeck.logs.retention-hours", "168", "336")), changes);
        assertEquals(Map.of("quarterdeck.logs.retention-hours", "336"), stored);
        assertEquals(List.of("quarterdeck.logs.retention-hours=336"), applied);

        Map<String, String> mixed = new LinkedHashMap<>();
        mixed.put("quarterdeck.log.level", "FINE");
        mixed.put("quarterdeck.logs.retention-hours", "lots");
        InvalidFieldException bad = assertThrows(InvalidFieldException.class, () -> service.change(admin, mixed));
        assertEquals("quarterdeck.logs.retention-hours", bad.field());
        assertEquals("INFO", values.get("quarterdeck.log.level"), "nothing applied when one value is refused");
        assertEquals(1, applied.size());

        assertEquals("quarterdeck.grafana.token", assertThrows(InvalidFieldException.class,
                () -> service.change(admin, Map.of("quarterdeck.grafana.token", "x"))).field());
        assertEquals("no.such", assertThrows(InvalidFieldException.class,
                () -> service.change(admin, Map.of("no.such", "x"))).field());
        assertThrows(InvalidFieldException.class, () -> service.change(admin, Map.of()));
    }
}

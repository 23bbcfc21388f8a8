package io.quarterdeck.domain.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {
    @Test
    void parsesOperatorsWindowsAndRefusesUnknownOnesNamingTheField() {
        assertEquals(Operator.GTE, Operator.parse("operator", ">="));
        assertEquals(Operator.LT, Operator.parse("operator", "lt"));
        assertEquals("operator", assertThrows(InvalidFieldException.class, () -> Operator.parse("operator", "~"))
                .field());
        assertEquals(Duration.ofMinutes(5), Windows.parse("time_window", "5m"));
        assertEquals(Duration.ofMinutes(5), Windows.parse("time_window", "5 minutes"));
        assertEquals("90s", Windows.format(Duration.ofSeconds(90)));
        assertThrows(InvalidFieldException.class, () -> Windows.parse("time_window", "31d"));
        assertEquals("metric", assertThrows(InvalidFieldException.class, () -> new Condition.Metric("warp",
                Operator.GT, 1, Duration.ZERO, null)).field());
        assertEquals("error_count > 5 in 1m, level error", new Condition.ErrorCount(Operator.GT, 5,
                Duration.ofMinutes(1), "error", null, null, null).describe());
    }

    @Test
    void theGroupAndServiceKindsDescribeThemselvesAndRefuseBadFieldsByName() {
        assertEquals("new_group in 1h, level error, source web", new Condition.NewGroup(Duration.ofHours(1), "error",
                "web", null).describe());
        assertEquals("regression in 15m, environment prod", new Condition.Regression(Duration.ofMinutes(15), null,
                null, "prod").describe());
        assertEquals("service_down database for 3 checks", new Condition.ServiceDown("database", 3).describe());
        assertEquals(3, new Condition.ServiceDown("database", 3).threshold());
        assertEquals(Operator.GTE, new Condition.ServiceDown("database", 3).operator());
        assertEquals("level", assertThrows(InvalidFieldException.class, () -> new Condition.NewGroup(
                Duration.ofHours(1), "fatal", null, null)).field());
        assertEquals("time_window", assertThrows(InvalidFieldException.class, () -> new Condition.Regression(
                Duration.ofDays(31), null, null, null)).field());
        assertEquals("service", assertThrows(InvalidFieldException.class, () -> new Condition.ServiceDown(" ", 3))
                .field());
        assertEquals("service", assertThrows(InvalidFieldException.class, () -> new Condition.ServiceDown("a b", 3))
                .field());
        assertEquals("threshold", assertThrows(InvalidFieldException.class, () -> new Condition.ServiceDown("db", 0))
                .field());
    }

    @Test
    void channelsNeedTheirSettingsAndSecretsAndHttpUrls() {
        NotificationChannel.validate(ChannelType.WEBHOOK, Map.of("url", "https://h.example/x"), Map.of("secret", "s"));
        assertEquals("config.secret", assertThrows(InvalidFieldException.class, () -> NotificationChannel.validate(
                ChannelType.WEBHOOK, Map.of("url", "https://h.example/x"), Map.of())).field());
        assertEquals("config.url", assertThrows(InvalidFieldException.class, () -> NotificationChannel.validate(
                ChannelType.WEBHOOK, Map.of("url", "javascript:alert(1)"), Map.of("secret", "s"))).field());
        assertEquals("config.colour", assertThrows(InvalidFieldException.class, () -> NotificationChannel.validate(
                ChannelType.SLACK, Map.of("colour", "red"), Map.of("webhook_url", "https://hooks.slack.com/x")))
                .field());
        assertEquals("config.smtp_port", assertThrows(InvalidFieldException.class, () -> NotificationChannel.validate(
                ChannelType.EMAIL, Map.of("smtp_host", "h", "from", "a@b.org", "to", "c@d.org", "smtp_port", "99999"),
                Map.of())).field());
        assertTrue(NotificationChannel.preview("xoxb-123456789-abcdef").startsWith("xoxb…"));
    }
}

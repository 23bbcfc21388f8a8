package io.quarterdeck.adapters.rest.healthmonitor.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.application.port.in.alerting.RuleCommand;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.alerting.Operator;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Seed 001's rule body for every kind: what the condition names, and 400s naming the field. */
class RuleBodiesTest {
    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s.replace('\'', '"'))).readObject();
    }

    private static Condition condition(String body) {
        return RuleBodies.parse(json(body), null).condition();
    }

    private static String field(String body) {
        return assertThrows(InvalidFieldException.class, () -> RuleBodies.parse(json(body), null)).field();
    }

    @Test
    void everyKindIsReadFromTheConditionOrFromFields() {
        assertEquals(new Condition.ErrorCount(Operator.GT, 5, Duration.ofMinutes(1), null, null, null, null),
                condition("{'name':'n','condition':'error_count > 5 in 1m'}"));
        assertEquals(new Condition.NewGroup(Duration.ofHours(1), "error", "web", null),
                condition("{'name':'n','condition':'new_group in 1h','level':'error','source':'web'}"));
        assertEquals(new Condition.NewGroup(Duration.ofMinutes(10), null, null, null),
                condition("{'name':'n','condition':'new_group','time_window':'10m','threshold':50}"));
        assertEquals(new Condition.Regression(Duration.ofMinutes(15), null, null, "prod"),
                condition("{'name':'n','condition':'regression in 15m','environment':'prod'}"));
        assertEquals(new Condition.ServiceDown("database", 3),
                condition("{'name':'n','condition':'service_down database for 3 checks'}"));
        assertEquals(new Condition.ServiceDown("rabbitmq", 2),
                condition("{'name':'n','condition':'service_down','service':'rabbitmq','threshold':2,"
                        + "'time_window':'5m'}"));
    }

    @Test
    void badBodiesAre400sNamingTheField() {
        assertEquals("condition", field("{'name':'n','condition':'cpu > 5'}"));
        assertEquals("condition", field("{'name':'n','condition':'new_groups in 1h'}"));
        assertEquals("condition", field("{'name':'n','condition':'new_group in 5 fortnights'}"));
        assertEquals("service", field("{'name':'n','condition':'service_down','threshold':3}"));
        assertEquals("threshold", field("{'name':'n','condition':'service_down database'}"));
        assertEquals("threshold", field("{'name':'n','condition':'service_down database','threshold':2.5}"));
        assertEquals("condition", field("{'name':'n','condition':'service_down database for many checks'}"));
        assertEquals("operator", field("{'name':'n','condition':'regression in 1h','operator':'>'}"));
        assertEquals("level", field("{'name':'n','condition':'service_down db for 2 checks','level':'error'}"));
        assertEquals("threshold", field("{'name':'n','condition':'error_count > threshold in 5m'}"));
    }

    @Test
    void anUpdateKeepsTheKindAndWhatIsAbsent() {
        AlertRule old = AlertRule.open("r", "down", new Condition.ServiceDown("database", 3),
                io.quarterdeck.domain.alerting.Severity.CRITICAL, true, java.util.List.of("webhook"), null,
                Instant.EPOCH);
        RuleCommand c = RuleBodies.parse(json("{'threshold':5}"), old);
        assertEquals(new Condition.ServiceDown("database", 5), c.condition());
        assertEquals("down", c.name());
        AlertRule group = AlertRule.open("g", "new", new Condition.NewGroup(Duration.ofHours(1), "error", null, null),
                io.quarterdeck.domain.alerting.Severity.WARNING, true, java.util.List.of(), null, Instant.EPOCH);
        assertEquals(new Condition.NewGroup(Duration.ofMinutes(5), "error", null, null),
                RuleBodies.parse(json("{'time_window':'5m'}"), group).condition());
        assertEquals(new Condition.ErrorCount(Operator.GT, 2, Duration.ofMinutes(1), null, null, null, null),
                RuleBodies.parse(json("{'condition':'error_count > 2 in 1m'}"), group).condition());
    }
}

package io.quarterdeck.domain.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.domain.shared.FieldTooLargeException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Actions, states, references, endpoints and server names. */
class ContainerRulesTest {

    @Test
    void actions_parse_their_wire_names_and_refuse_anything_else_naming_the_field() {
        assertEquals(ContainerAction.RESTART, ContainerAction.parse("action", " Restart "));
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> ContainerAction.parse("action", "kill"));
        assertEquals("action", e.field());
        assertThrows(InvalidFieldException.class, () -> ContainerAction.parse("action", null));
        assertEquals("Container restarted successfully", ContainerAction.RESTART.successMessage());
    }

    @Test
    void which_actions_have_nothing_to_do_in_a_state() {
        assertTrue(ContainerAction.START.isNoOpIn(ContainerState.RUNNING));
        assertTrue(ContainerAction.STOP.isNoOpIn(ContainerState.EXITED));
        assertFalse(ContainerAction.STOP.isNoOpIn(ContainerState.RUNNING));
        assertFalse(ContainerAction.RESTART.isNoOpIn(ContainerState.EXITED));
        assertEquals(ContainerState.UNKNOWN, ContainerState.fromEngine("hibernating"));
        assertEquals(ContainerState.EXITED, ContainerState.fromEngine("exited"));
    }

    @Test
    void a_reference_that_cannot_name_a_container_is_not_found_and_lines_are_bounded() {
        assertEquals("qd18-web_1.x", ContainerReference.of("qd18-web_1.x"));
        for (String bad : List.of("", "../etc", "a b", "x".repeat(129), "-rm", "é")) {
            assertThrows(NotFoundException.class, () -> ContainerReference.of(bad), bad);
        }
        assertEquals(10_000, ContainerReference.lines(10_000));
        assertThrows(InvalidFieldException.class, () -> ContainerReference.lines(0));
        assertThrows(InvalidFieldException.class, () -> ContainerReference.lines(10_001));
    }

    @Test
    void a_container_is_addressed_by_id_prefix_or_name_and_loses_the_engines_slash() {
        Container c = new Container("0123456789abcdef0123", "/web", "nginx", ContainerState.RUNNING, Instant.EPOCH,
                List.of(), null);
        assertEquals("web", c.name());
        assertEquals(ResourceUsage.NONE, c.resources());
        assertTrue(c.isAddressedBy("web"));
        assertTrue(c.isAddressedBy("0123456789ab"));
        assertFalse(c.isAddressedBy("0123"));
    }

    @Test
    void endpoints_are_unix_sockets_or_tcp_host_port_and_tls_needs_three_absolute_paths() {
        assertEquals("tcp://10.0.0.1:2375", EngineEndpoint.of(" tcp://10.0.0.1:2375/ ").url());
        assertEquals("10.0.0.1", EngineEndpoint.of("tcp://10.0.0.1:2375").host());
        assertTrue(EngineEndpoint.of("unix:///var/run/docker.sock").isUnixSocket());
        for (String bad : List.of("http://x:1", "tcp://x", "tcp://u:p@x:1", "tcp://x:1/path", "unix://relative",
                "tcp://x:99999", "")) {
            InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> EngineEndpoint.of(bad), bad);
            assertEquals("docker_url", e.field());
        }
        assertThrows(InvalidFieldException.class, () -> new EngineEndpoint.Tls("/ca.pem", "cert.pem", "/key.pem"));
        assertThrows(InvalidFieldException.class, () -> new EngineEndpoint("unix:///s",
                new EngineEndpoint.Tls("/a", "/b", "/c")));
    }

    @Test
    void server_names_refuse_the_metrics_literals_and_local_in_any_case_and_bound_their_fields() {
        EngineEndpoint e = EngineEndpoint.of("tcp://10.0.0.1:2375");
        for (String reserved : List.of("dashboards", "Query", "ALERTS", "local")) {
            InvalidFieldException x = assertThrows(InvalidFieldException.class,
                    () -> new ServerDraft(reserved, null, e, null, null));
            assertEquals("name", x.field());
        }
        assertThrows(InvalidFieldException.class, () -> new ServerDraft("a/b", null, e, null, null));
        assertThrows(FieldTooLargeException.class, () -> new ServerDraft("n".repeat(101), null, e, null, null));
        assertThrows(FieldTooLargeException.class, () -> new ServerDraft("n", null, e, "d".repeat(1001), null));
        assertThrows(InvalidFieldException.class, () -> new ServerDraft("n", null, e, null, List.of("a\nb")));
        ServerDraft d = new ServerDraft(" web-01 ", null, e, null, List.of("b", "a", "b"));
        assertEquals("web-01", d.name());
        assertEquals("10.0.0.1", d.host());
        assertEquals(List.of("b", "a"), d.tags());
    }

    @Test
    void a_server_keeps_its_status_unless_its_engine_changes() {
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
        EngineEndpoint e = EngineEndpoint.of("tcp://10.0.0.1:2375");
        Server s = Server.register("s1", new ServerDraft("web", null, e, "", List.of()), t0);
        assertEquals(ServerStatus.UNKNOWN, s.status());
        Server online = s.contacted(true, t0.plusSeconds(1));
        assertEquals(ServerStatus.ONLINE, online.status());
        assertEquals(ServerStatus.ONLINE, online.describe(new ServerDraft("web", null, e, "x", List.of()), t0).status());
        Server moved = online.describe(new ServerDraft("web", null, EngineEndpoint.of("tcp://10.0.0.2:2375"), "",
                List.of()), t0.plusSeconds(2));
        assertEquals(ServerStatus.UNKNOWN, moved.status());
        assertEquals(t0, moved.createdAt());
        assertEquals(t0.plusSeconds(2), moved.updatedAt());
    }
}

package io.quarterdeck.application.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.identity.AuditService;
import io.quarterdeck.application.port.in.containers.ContainerSettings;
import io.quarterdeck.application.port.in.containers.ContainersUseCase;
import io.quarterdeck.application.port.in.containers.TerminalUseCase;
import io.quarterdeck.application.testing.InMemoryIdentityStores;
import io.quarterdeck.application.testing.InMemoryServerRepository;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.containers.ContainerAction;
import io.quarterdeck.domain.containers.ContainerState;
import io.quarterdeck.domain.containers.EngineEndpoint;
import io.quarterdeck.domain.containers.EngineUnavailableException;
import io.quarterdeck.domain.containers.Server;
import io.quarterdeck.domain.containers.ServerDraft;
import io.quarterdeck.domain.containers.ServerStatus;
import io.quarterdeck.domain.identity.AuditRecord;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.shared.ConflictException;
import io.quarterdeck.domain.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The role table, server status, audited terminals and their limit, on a scripted engine. */
class ContainerServicesTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final ScriptedEngine engine = new ScriptedEngine();
    private final InMemoryServerRepository servers = new InMemoryServerRepository();
    private final InMemoryIdentityStores.Audit audit = new InMemoryIdentityStores.Audit();
    private final ContainerService containers = new ContainerService(engine, servers, clock);
    private final ServerService serverService = new ServerService(servers, engine, clock);
    private final TerminalService terminals = new TerminalService(engine, servers, new AuditService(audit),
            new ContainerSettings(Duration.ofMinutes(30), 2, List.of("/bin/sh")), clock);

    private static Caller person(Role role) {
        return Caller.user("u-" + role.wireName(), role.wireName() + "-1", role, null, null);
    }

    @Test
    void viewers_read_operators_act_machines_need_their_scope() {
        engine.containers.put("web", ContainerState.RUNNING);
        assertEquals(1, containers.list(person(Role.VIEWER), ContainersUseCase.LOCAL).size());
        assertThrows(NotPermittedException.class,
                () -> containers.act(person(Role.DEVELOPER), "local", "web", ContainerAction.STOP));
        assertEquals("Container stopped successfully",
                containers.act(person(Role.OPERATOR), "local", "web", ContainerAction.STOP));
        assertEquals(ContainerState.EXITED, engine.containers.get("web"));
        Caller reader = Caller.service("svc", "svc", Set.of(Scope.READ), null, null);
        assertEquals(1, containers.list(reader, "local").size());
        assertThrows(NotPermittedException.class, () -> containers.act(reader, "local", "web", ContainerAction.START));
        Caller operate = Caller.service("svc", "svc", Set.of(Scope.OPERATE), null, null);
        containers.act(operate, "local", "web", ContainerAction.START);
        assertEquals(ContainerState.RUNNING, engine.containers.get("web"));
    }

    @Test
    void an_unknown_server_is_not_found_and_a_registered_ones_status_follows_its_engine() {
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> containers.list(person(Role.VIEWER), "nope"));
        assertEquals("server", missing.kind());
        Server s = serverService.register(person(Role.ADMIN), new ServerDraft("web-01", null,
                EngineEndpoint.of("tcp://10.0.0.1:2375"), "", List.of()));
        assertEquals(ServerStatus.UNKNOWN, s.status());
        containers.list(person(Role.VIEWER), s.id());
        assertEquals(ServerStatus.ONLINE, servers.find(s.id()).orElseThrow().status());
        engine.down = true;
        assertThrows(EngineUnavailableException.class, () -> containers.list(person(Role.VIEWER), s.id()));
        assertEquals(ServerStatus.OFFLINE, servers.find(s.id()).orElseThrow().status());
        engine.down = false;
        containers.list(person(Role.VIEWER), s.id());
        assertEquals(ServerStatus.ONLINE, servers.find(s.id()).orElseThrow().status());
    }

    @Test
    void only_admins_manage_servers_and_a_changed_or_removed_engine_is_released() {
        ServerDraft draft = new ServerDraft("web-01", null, EngineEndpoint.of("tcp://10.0.0.1:2375"), "", List.of());
        assertThrows(NotPermittedException.class, () -> serverService.register(person(Role.OPERATOR), draft));
        Server s = serverService.register(person(Role.ADMIN), draft);
        assertEquals(1, serverService.list(person(Role.VIEWER)).size());
        serverService.update(person(Role.ADMIN), s.id(), new ServerDraft("web-01", null,
                EngineEndpoint.of("tcp://10.0.0.2:2375"), "", List.of()));
        assertEquals(List.of("tcp://10.0.0.1:2375"), engine.released);
        serverService.delete(person(Role.ADMIN), s.id());
        assertEquals(List.of("tcp://10.0.0.1:2375", "tcp://10.0.0.2:2375"), engine.released);
        assertThrows(NotFoundException.class, () -> serverService.get(person(Role.VIEWER), s.id()));
    }

    @Test
    void a_terminal_audits_open_each_typed_line_and_close_and_passes_keys_on() {
        engine.containers.put("web", ContainerState.RUNNING);
        TerminalUseCase.Terminal t = terminals.open(person(Role.ADMIN), "10.1.1.1", "local", "web", 80, 24,
                (d, o, l) -> { }, () -> { });
        byte[] keys = "ls -l\rcd /tpm\u007f\u007fmp\recho h\u00e9\r".getBytes(StandardCharsets.UTF_8);
        t.input(keys, 0, keys.length);
        t.close();
        t.close();
        List<String> summaries = audit.records.stream().map(AuditRecord::summary).toList();
        List<String> actions = audit.records.stream().map(AuditRecord::action).toList();
        assertEquals(List.of("terminal.open", "terminal.command", "terminal.command", "terminal.command",
                "terminal.close"), actions);
        assertEquals(List.of("ls -l", "cd /tmp", "echo h\u00e9"), summaries.subList(1, 4));
        assertTrue(audit.records.stream().allMatch(r -> r.actor().equals("admin-1") && r.path().equals("/ws/terminal/web")));
        assertEquals(new String(keys, StandardCharsets.UTF_8), engine.typed.toString(StandardCharsets.UTF_8));
        assertEquals(0, engine.openTerminals);
    }

    @Test
    void escape_sequences_are_not_audited_as_typed_text() {
        engine.containers.put("web", ContainerState.RUNNING);
        TerminalUseCase.Terminal t = terminals.open(person(Role.ADMIN), null, "local", "web", 80, 24,
                (d, o, l) -> { }, () -> { });
        // a terminal's cursor-position report (busybox ash asks after every prompt), an arrow key, SS3 F1, Alt-x
        byte[] keys = "\u001b[24;5Rls\u001b[A -a\u001bOP\u001bx\r".getBytes(StandardCharsets.UTF_8);
        t.input(keys, 0, keys.length);
        t.close();
        assertEquals(List.of("ls -a"), audit.records.stream().filter(r -> r.action().equals("terminal.command"))
                .map(AuditRecord::summary).toList());
    }

    @Test
    void terminals_are_for_admins_of_running_containers_and_limited_per_person() {
        engine.containers.put("web", ContainerState.RUNNING);
        engine.containers.put("old", ContainerState.EXITED);
        assertThrows(NotPermittedException.class, () -> terminals.open(person(Role.OPERATOR), null, "local", "web",
                80, 24, (d, o, l) -> { }, () -> { }));
        assertThrows(ConflictException.class, () -> terminals.open(person(Role.ADMIN), null, "local", "old", 80, 24,
                (d, o, l) -> { }, () -> { }));
        assertThrows(NotFoundException.class, () -> terminals.open(person(Role.ADMIN), null, "local", "gone", 80, 24,
                (d, o, l) -> { }, () -> { }));
        var first = terminals.open(person(Role.ADMIN), null, "local", "web", 80, 24, (d, o, l) -> { }, () -> { });
        terminals.open(person(Role.ADMIN), null, "local", "web", 80, 24, (d, o, l) -> { }, () -> { });
        ConflictException limit = assertThrows(ConflictException.class, () -> terminals.open(person(Role.ADMIN), null,
                "local", "web", 80, 24, (d, o, l) -> { }, () -> { }));
        assertEquals("sessions", limit.field());
        terminals.open(person(Role.OWNER), null, "local", "web", 80, 24, (d, o, l) -> { }, () -> { });
        first.close();
        terminals.open(person(Role.ADMIN), null, "local", "web", 80, 24, (d, o, l) -> { }, () -> { });
        assertTrue(audit.records.stream().anyMatch(r -> r.action().equals("terminal.refused")));
    }
}

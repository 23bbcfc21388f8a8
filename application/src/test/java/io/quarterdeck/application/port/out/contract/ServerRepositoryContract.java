package io.quarterdeck.application.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.out.containers.ServerRepository;
import io.quarterdeck.domain.containers.EngineEndpoint;
import io.quarterdeck.domain.containers.Server;
import io.quarterdeck.domain.containers.ServerDraft;
import io.quarterdeck.domain.containers.ServerStatus;
import io.quarterdeck.domain.shared.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of {@link ServerRepository} must do (in memory, JDBC on H2 and PostgreSQL). */
public abstract class ServerRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    /** A repository over the shared database. */
    protected abstract ServerRepository repository();

    protected abstract void deleteEverything();

    @BeforeEach
    void empty() {
        deleteEverything();
    }

    private static Server server(String id, String name, EngineEndpoint endpoint) {
        return Server.register(id, new ServerDraft(name, null, endpoint, "rack 3, row 2", List.of("prod", "eu")), T0);
    }

    private static void assertSame(Server expected, Server actual) {
        assertEquals(expected.id(), actual.id());
        assertEquals(expected.draft(), actual.draft());
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.lastContactAt(), actual.lastContactAt());
        assertEquals(expected.createdAt(), actual.createdAt());
        assertEquals(expected.updatedAt(), actual.updatedAt());
    }

    @Test
    void a_server_reads_back_whole_tls_paths_included_and_the_list_is_by_name() {
        assertEquals(List.of(), repository().all());
        Server tls = server("s-2", "web-01", new EngineEndpoint("tcp://10.0.0.5:2376",
                new EngineEndpoint.Tls("/etc/qd/ca.pem", "/etc/qd/cert.pem", "/etc/qd/key.pem")));
        Server plain = server("s-1", "Alpha", EngineEndpoint.of("unix:///var/run/docker.sock"));
        repository().insert(tls);
        repository().insert(plain);
        assertSame(tls, repository().find("s-2").orElseThrow());
        assertEquals(List.of("s-1", "s-2"), repository().all().stream().map(Server::id).toList());
        assertEquals(Optional.empty(), repository().find("nope"));
    }

    @Test
    void names_are_unique_regardless_of_case_on_insert_and_update() {
        repository().insert(server("s-1", "web-01", EngineEndpoint.of("tcp://10.0.0.5:2375")));
        ConflictException c = assertThrows(ConflictException.class,
                () -> repository().insert(server("s-2", "WEB-01", EngineEndpoint.of("tcp://10.0.0.6:2375"))));
        assertEquals("name", c.field());
        Server other = server("s-3", "web-02", EngineEndpoint.of("tcp://10.0.0.7:2375"));
        repository().insert(other);
        Server renamed = other.describe(new ServerDraft("Web-01", null, other.endpoint(), "", List.of()),
                T0.plusSeconds(5));
        assertThrows(ConflictException.class, () -> repository().update(renamed));
    }

    @Test
    void update_replaces_and_delete_removes_and_both_say_when_the_server_is_gone() {
        Server s = server("s-1", "web-01", EngineEndpoint.of("tcp://10.0.0.5:2375"));
        repository().insert(s);
        Server contacted = s.contacted(true, T0.plusSeconds(30));
        assertTrue(repository().update(contacted));
        assertEquals(ServerStatus.ONLINE, repository().find("s-1").orElseThrow().status());
        assertSame(contacted, repository().find("s-1").orElseThrow());
        assertTrue(repository().delete("s-1"));
        assertFalse(repository().delete("s-1"));
        assertFalse(repository().update(contacted));
    }
}

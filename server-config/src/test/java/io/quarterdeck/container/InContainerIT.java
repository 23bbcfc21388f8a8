package io.quarterdeck.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.errors.DeleteErrorUseCase;
import io.quarterdeck.application.port.in.errors.IngestErrorCommand;
import io.quarterdeck.application.port.in.errors.IngestErrorUseCase;
import io.quarterdeck.application.port.in.errors.ResolveErrorUseCase;
import io.quarterdeck.application.port.out.errors.ErrorEventPublisher;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What only the running container can prove, on the shipped WAR (one class, so one deployment: each costs seconds):
 * <ul>
 * <li>the composition: every port of the core, in and out, resolves to exactly one CDI bean (none missing, none
 * ambiguous, whichever module or producer supplies it);</li>
 * <li>transaction boundaries: a use case that fails half-way, against the real adapters and the container's
 * transaction manager, leaves nothing stored and tells no one;</li>
 * <li>events leave only after the commit, with the change visible to everyone.</li>
 * </ul>
 * Faults come from test-only decorators of the out-ports ({@link RefusingOccurrences}, {@link RefusingGroupUpdates});
 * what was published comes from {@link RecordingPublisher}; what was stored is read with plain JDBC ({@link Rows}).
 * On the PostgreSQL pass this server shares its database with the server under HTTP test, so every report is unique
 * to its test and every group a test created is deleted afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT {
    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Inject
    BeanManager beans;
    @Inject
    IngestErrorUseCase ingest;
    @Inject
    ResolveErrorUseCase resolve;
    @Inject
    DeleteErrorUseCase delete;
    @Inject
    PublishedEvents published;

    private DataSource db;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void database() throws NamingException {
        db = InitialContext.doLookup("jdbc/quarterdeck");
    }

    @AfterEach
    void deleteWhatThisTestCreated() {
        created.forEach(id -> delete.delete(new ErrorGroupId(id)));
    }

    /** A bean per external service by design: each adapter that talks to one contributes its probe. */
    static final Set<String> MANY_BEANS = Set.of("io.quarterdeck.application.port.out.health.DependencyProbe");
    /** Implemented by an adapter a deployment may not have (the Docker adapter; the core then skips collection). */
    static final Set<String> AT_MOST_ONE_BEAN = Set.of("io.quarterdeck.application.port.out.logs.ContainerLogSource");

    @Test
    void every_port_has_exactly_one_bean() throws ClassNotFoundException, IOException {
        List<String> ports = ports();
        // The list is what the build found; these two prove it is the real one and not empty or misspelt.
        assertTrue(ports.contains(IngestErrorUseCase.class.getName()), ports::toString);
        assertTrue(ports.contains(ErrorEventPublisher.class.getName()), ports::toString);

        Map<String, List<String>> wrong = new TreeMap<>();
        for (String name : ports) {
            Set<Bean<?>> found = beans.getBeans(Class.forName(name, false, getClass().getClassLoader()));
            if (MANY_BEANS.contains(name) || AT_MOST_ONE_BEAN.contains(name) && found.size() <= 1) {
                continue;
            }
            if (found.size() != 1) {
                wrong.put(name, found.stream().map(b -> b.getBeanClass().getName()).sorted().toList());
            }
        }
        assertEquals(Map.of(), wrong, "ports of " + ports.size() + " without exactly one bean (port -> bean classes)");
    }

    @Test
    void an_ingestion_whose_occurrence_cannot_be_stored_leaves_no_group_and_publishes_nothing() {
        String fingerprint = "container-it-" + UUID.randomUUID();
        String refused = "refused " + fingerprint;
        int eventsBefore = published.all().size();

        // The group is inserted first, then the occurrence append fails: one transaction, so neither may stay.
        assertThrows(InjectedFault.class, () -> ingest.ingest(report(refused, fingerprint,
                Map.of(Faults.CONTEXT_KEY, "append"))));

        assertEquals(List.of(), Rows.groupsWithMessage(db, refused), "group of the rolled-back ingestion");
        assertEquals(eventsBefore, published.all().size(), "events published for a rolled-back ingestion");

        // Nothing of the failed attempt lingers either (a cached group, a counted occurrence): the same fingerprint
        // starts a fresh group with one occurrence.
        String accepted = "accepted " + fingerprint;
        ErrorGroup group = ingest.ingest(report(accepted, fingerprint, Map.of()));
        created.add(group.id().value());
        assertEquals(List.of(new Rows.Group(group.id().value(), accepted, false, 1)),
                Rows.groupsWithMessage(db, accepted));
        assertEquals(1, Rows.occurrencesOf(db, group.id().value()), "occurrence rows");
        assertEquals(List.of(), Rows.groupsWithMessage(db, refused));
    }

    @Test
    void a_resolve_that_cannot_be_stored_leaves_the_group_open_and_publishes_nothing() {
        String message = "resolve refused " + Faults.REFUSE_UPDATE + " " + UUID.randomUUID();
        ErrorGroup group = ingest.ingest(report(message, null, Map.of()));
        String id = group.id().value();
        created.add(id);

        assertThrows(InjectedFault.class, () -> resolve.resolve(group.id()));

        assertEquals(List.of(new Rows.Group(id, message, false, 1)), Rows.groupsWithMessage(db, message));
        assertEquals(List.of(PublishedEvents.Kind.NEW_ERROR),
                published.about(id).stream().map(PublishedEvents.Event::kind).toList(), "events of the group");
    }

    @Test
    void events_leave_after_the_commit_with_the_change_visible_to_everyone() {
        String message = "published " + UUID.randomUUID();
        ErrorGroup group = ingest.ingest(report(message, null, Map.of()));
        String id = group.id().value();
        created.add(id);
        resolve.resolve(group.id());

        List<PublishedEvents.Event> events = published.about(id);
        assertEquals(List.of(PublishedEvents.Kind.NEW_ERROR, PublishedEvents.Kind.RESOLVED),
                events.stream().map(PublishedEvents.Event::kind).toList());
        PublishedEvents.Event opened = events.get(0);
        assertFalse(opened.inTransaction(), "new_error published inside a transaction");
        assertEquals(new Rows.Group(id, message, false, 1), opened.committed().orElseThrow(
                () -> new AssertionError("new_error published before its group was committed")));
        PublishedEvents.Event resolved = events.get(1);
        assertFalse(resolved.inTransaction(), "error_resolved published inside a transaction");
        assertTrue(resolved.committed().orElseThrow().resolved(),
                "error_resolved published before the resolution was committed");
    }

    private static List<String> ports() throws IOException {
        try (InputStream in = InContainerIT.class.getClassLoader().getResourceAsStream(Deployments.PORTS)) {
            if (in == null) {
                throw new IllegalStateException(Deployments.PORTS + " is missing from the archive");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static IngestErrorCommand report(String message, String fingerprint, Map<String, Object> context) {
        return new IngestErrorCommand("error", message, null, context, "container-it", null, null,
                fingerprint == null ? null : List.of(fingerprint), "arquillian", "127.0.0.1");
    }
}

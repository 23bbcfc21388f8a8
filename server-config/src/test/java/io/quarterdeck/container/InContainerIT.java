package io.quarterdeck.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.errors.DeleteErrorUseCase;
import io.quarterdeck.application.port.in.errors.IngestErrorCommand;
import io.quarterdeck.application.port.in.errors.IngestErrorUseCase;
import io.quarterdeck.application.port.in.errors.ResolveErrorUseCase;
import io.quarterdeck.application.port.in.alerting.EvaluateAlertsUseCase;
import io.quarterdeck.application.port.in.alerting.ManageAlertRulesUseCase;
import io.quarterdeck.application.port.in.alerting.RuleCommand;
import io.quarterdeck.application.port.in.notifications.ChannelCommand;
import io.quarterdeck.application.port.in.notifications.DispatchNotificationsUseCase;
import io.quarterdeck.application.port.in.notifications.ManageChannelsUseCase;
import io.quarterdeck.application.port.out.errors.ErrorEventPublisher;
import io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory;
import io.quarterdeck.domain.alerting.ChannelType;
import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.alerting.Operator;
import io.quarterdeck.domain.alerting.Severity;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * <li>events leave only after the commit, with the change visible to everyone;</li>
 * <li>alerting with two real instances on one PostgreSQL database (this server and the server under HTTP test):
 * each firing rule notified once; and a service-health rule firing from stored checks.</li>
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

    /**
     * Ports that any number of adapters implement, each adding itself, and that the core asks all of: a probe per
     * external service (none when a site uses none), a listener per live channel for apps events (the dashboard
     * socket, the outbox relay's wake-up), and container log sources (one per container engine adapter; none on a
     * build without one).
     */
    static final Set<String> FAN_OUT_PORTS = Set.of(
            "io.quarterdeck.application.port.out.health.DependencyProbe",
            "io.quarterdeck.application.port.out.apps.AppEventPublisher",
            "io.quarterdeck.application.port.out.logs.ContainerLogSource");

    @Test
    void every_port_has_exactly_one_bean() throws ClassNotFoundException, IOException {
        List<String> ports = ports();
        // The list is what the build found; these two prove it is the real one and not empty or misspelt.
        assertTrue(ports.contains(IngestErrorUseCase.class.getName()), ports::toString);
        assertTrue(ports.contains(ErrorEventPublisher.class.getName()), ports::toString);

        Map<String, List<String>> wrong = new TreeMap<>();
        for (String name : ports) {
            Set<Bean<?>> found = beans.getBeans(Class.forName(name, false, getClass().getClassLoader()));
            if (found.size() != 1 && !FAN_OUT_PORTS.contains(name)) {
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

    @Inject
    ManageAlertRulesUseCase alertRules;
    @Inject
    ManageChannelsUseCase channels;
    @Inject
    EvaluateAlertsUseCase evaluator;
    @Inject
    DispatchNotificationsUseCase dispatcher;

    /**
     * Issue 17: two instances on one PostgreSQL database notify each firing rule once. This server and the server
     * under HTTP test (the test run's QUARTERDECK_HTTP_PORT, alive and evaluating every 2 s) share the database on
     * the PostgreSQL pass; this test thread evaluates and dispatches as a third contender. Twelve rules that always
     * fire, one webhook channel in this JVM: twelve firing notifications, not more. On the H2 pass each server has a
     * database file of its own: the same contest runs between this server's schedule and the test thread only.
     */
    @Test
    void two_instances_on_one_database_notify_each_firing_rule_once() throws Exception {
        String vendor;
        try (var c = db.getConnection()) {
            vendor = c.getMetaData().getDatabaseProductName();
        }
        // (Arquillian's in-container runner reports an aborted assumption as an error, so the H2 pass does not skip:
        // it runs the same contest between this server's schedule and the test thread, one instance.)
        boolean shared = vendor.equals("PostgreSQL");
        String port = System.getenv("QUARTERDECK_HTTP_PORT");
        String key = System.getenv("QUARTERDECK_BOOTSTRAP_API_KEY");
        if (shared) {
            assertNotNull(port, "the server under test's port (QUARTERDECK_HTTP_PORT) is not in this server's"
                    + " environment");
            assertNotNull(key, "QUARTERDECK_BOOTSTRAP_API_KEY is not in this server's environment");
        } else {
            System.out.println("two_instances_on_one_database: " + vendor + " pass, each server has a database of its"
                    + " own: only this server's schedule and the test thread contend");
        }
        HttpClient http = HttpClient.newHttpClient();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        List<String> ruleIds = new ArrayList<>();
        String channelId = null;
        try {
            channelId = channels.create(new ChannelCommand("two-instances-" + run, ChannelType.WEBHOOK, true,
                    Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/two", "secret",
                            "s-" + run))).id();
            for (int i = 0; i < 12; i++) {
                ruleIds.add(alertRules.create(new RuleCommand("two instances " + run + " " + i,
                        new Condition.ErrorCount(Operator.GTE, 0, Duration.ofMinutes(1), null, null, null, null),
                        Severity.INFO, true, List.of(channelId), Duration.ofHours(1))).id());
            }
            if (shared) {
                // The other instance is up and reads the same rules: one database.
                HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/alerts/rules")).header("X-API-Key", key).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, listed.statusCode(), listed.body());
                for (String id : ruleIds) {
                    assertTrue(listed.body().contains(id), "the server under test does not list " + id);
                }
            }
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long settled = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(until, settled)) {
                evaluator.evaluateDue();
                dispatcher.dispatchDue();
                if (bodies.size() >= ruleIds.size() && settled == Long.MAX_VALUE) {
                    // Every rule notified: keep all three contenders going for several more ticks.
                    settled = System.nanoTime() + Duration.ofSeconds(8).toNanos();
                }
                Thread.sleep(100);
            }
            List<String> ours = bodies.stream().filter(b -> ruleIds.stream().anyMatch(b::contains)).toList();
            assertEquals(ruleIds.size(), ours.size(), "one firing notification per rule: " + ours);
            assertTrue(ours.stream().allMatch(b -> b.contains("\"event\":\"alert.firing\"")), ours::toString);
            for (String id : ruleIds) {
                assertEquals(1, ours.stream().filter(b -> b.contains("\"rule_id\":\"" + id + "\"")).count(), id);
            }
            for (String id : ruleIds) {
                try (var c = db.getConnection(); var ps = c.prepareStatement("select count(*) from alerts where"
                        + " rule_id = ?")) {
                    ps.setString(1, id);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        assertEquals(1, rs.getLong(1), "one alert for " + id);
                    }
                }
            }
        } finally {
            receiver.stop(0);
            ruleIds.forEach(alertRules::delete);
            if (channelId != null) {
                channels.delete(channelId);
            }
        }
    }

    @Inject
    ServiceCheckHistory serviceChecks;

    /**
     * A service_down rule fires from the stored check history and resolves on the first good check, with a real
     * webhook. The checks are recorded through the production port (the 30 s probe of a real dependency cannot be
     * taken down from a test without disturbing the shared services), for a service of this test's own.
     */
    @Test
    void a_service_down_rule_fires_after_n_failed_stored_checks_and_resolves_on_a_good_one() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String service = "probe-" + run;
        List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String channelId = null;
        String ruleId = null;
        try {
            channelId = channels.create(new ChannelCommand("service-down-" + run, ChannelType.WEBHOOK, true,
                    Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/down", "secret",
                            "s-" + run))).id();
            ruleId = alertRules.create(new RuleCommand("down " + run, new Condition.ServiceDown(service, 3),
                    Severity.CRITICAL, true, List.of(channelId), Duration.ofHours(1))).id();
            java.time.Instant t = java.time.Instant.now().minusSeconds(120);
            serviceChecks.record(List.of(new ServiceCheckHistory.Check(service, t, true, 2L),
                    new ServiceCheckHistory.Check(service, t.plusSeconds(30), false, null),
                    new ServiceCheckHistory.Check(service, t.plusSeconds(60), false, null)));
            for (int i = 0; i < 5; i++) {
                evaluator.evaluateDue();
                dispatcher.dispatchDue();
                Thread.sleep(500);
            }
            assertEquals(List.of(), bodies, "2 failed checks are not 3");
            serviceChecks.record(List.of(new ServiceCheckHistory.Check(service, t.plusSeconds(90), false, null)));
            awaitBodies(bodies, 1);
            assertTrue(bodies.get(0).contains("\"event\":\"alert.firing\""), bodies.get(0));
            assertTrue(bodies.get(0).matches("(?s).*\"value\":3(\\.0)?[,}].*"), bodies.get(0));
            serviceChecks.record(List.of(new ServiceCheckHistory.Check(service, t.plusSeconds(100), true, 2L)));
            awaitBodies(bodies, 2);
            assertTrue(bodies.get(1).contains("\"event\":\"alert.resolved\""), bodies.get(1));
        } finally {
            receiver.stop(0);
            if (ruleId != null) {
                alertRules.delete(ruleId);
            }
            if (channelId != null) {
                channels.delete(channelId);
            }
        }
    }

    private void awaitBodies(List<String> bodies, int n) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (bodies.size() < n && System.nanoTime() < until) {
            evaluator.evaluateDue();
            dispatcher.dispatchDue();
            Thread.sleep(200);
        }
        assertEquals(n, bodies.size(), "notifications: " + bodies);
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

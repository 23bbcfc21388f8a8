package io.quarterdeck.adapters.rest.spine.metrics;

import io.quarterdeck.adapters.rest.spine.ErrorBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts every answered REST request as {@code quarterdeck_http_requests_total} with the labels of
 * {@link RequestLabels}: surface, route template, method and status. Runs for unmatched paths and refusals too (the
 * exception mappers' answers pass response filters).
 */
@Provider
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String DURATION = "quarterdeck.http.request.duration";
    private static final String STARTED = "quarterdeck.metrics.started";
    private static final Metadata DURATION_METADATA = Metadata.builder().withName(DURATION)
            .withDescription("Time to answer REST requests, by surface, route template and method")
            .withUnit(org.eclipse.microprofile.metrics.MetricUnits.SECONDS).build();
    private final Map<String, org.eclipse.microprofile.metrics.Timer> timers = new ConcurrentHashMap<>();
    static final String NAME = "quarterdeck.http.requests";
    private static final Metadata METADATA = Metadata.builder().withName(NAME)
            .withDescription("REST requests answered, by surface, route template, method and status").build();

    /** The label sets are closed, so this map is bounded; it spares building tags on every request. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;
    @Inject
    MetricRegistry registry;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String surface = RequestLabels.surface(ErrorBodies.shapeOf(request.getUriInfo().getPath()));
        String route = RequestLabels.route(resource.getResourceClass(), resource.getResourceMethod());
        String method = RequestLabels.method(request.getMethod());
        String status = RequestLabels.status(response.getStatus());
        counters.computeIfAbsent(surface + ' ' + route + ' ' + method + ' ' + status,
                k -> registry.counter(METADATA, new Tag("surface", surface), new Tag("route", route),
                        new Tag("method", method), new Tag("status", status))).inc();
        if (request.getProperty(STARTED) instanceof Long started) {
            timers.computeIfAbsent(surface + ' ' + route + ' ' + method,
                    k -> registry.timer(DURATION_METADATA, new Tag("surface", surface), new Tag("route", route),
                            new Tag("method", method))).update(java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }
}

package io.quarterdeck.adapters.rest.healthmonitor.alerting;

import io.quarterdeck.adapters.rest.healthmonitor.Envelope;
import io.quarterdeck.application.port.in.analytics.Cached;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A cached answer in the success envelope, with {@code X-Cache: HIT} (computed by an earlier request, at
 * {@code X-Cache-Computed-At}) or {@code MISS} (computed now).
 */
final class CacheHeader {
    private CacheHeader() {
    }

    static Response of(Cached<?> cached, Map<String, Object> data) {
        return Response.ok(Envelope.success(data)).header("X-Cache", cached.fromCache() ? "HIT" : "MISS")
                .header("X-Cache-Computed-At", AlertingDtos.time(cached.computedAt())).build();
    }
}

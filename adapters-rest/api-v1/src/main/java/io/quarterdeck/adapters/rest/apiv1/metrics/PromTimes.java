package io.quarterdeck.adapters.rest.apiv1.metrics;

import io.quarterdeck.adapters.rest.spine.QueryParameters;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Instant;

/** Times as Prometheus' API takes them: ISO-8601 ({@link QueryParameters#instant}) or unix seconds with a fraction. */
final class PromTimes {
    private PromTimes() {
    }

    static Instant parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.matches("\\d{1,12}(\\.\\d{1,9})?")) {
            BigDecimal seconds = new BigDecimal(s);
            Instant at = Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            if (at.isAfter(QueryParameters.LATEST)) {
                throw new InvalidFieldException(field, "must be between the years 1970 and 9999");
            }
            return at;
        }
        return QueryParameters.instant(field, s);
    }
}

package io.quarterdeck.adapters.rest.apiv1.metrics;

import io.quarterdeck.application.port.out.metrics.MetricsQuery.Point;
import io.quarterdeck.application.port.out.metrics.MetricsQuery.QueryResult;
import io.quarterdeck.application.port.out.metrics.MetricsQuery.Series;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seed 000's answer, Prometheus' own shape: {@code resultType} and {@code result} with [time, "value"] points. */
final class PromResultDto {
    private PromResultDto() {
    }

    static Map<String, Object> of(QueryResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("resultType", r.resultType());
        switch (r.resultType()) {
            case "matrix", "vector" -> {
                List<Map<String, Object>> result = new ArrayList<>();
                for (Series s : r.result()) {
                    Map<String, Object> series = new LinkedHashMap<>();
                    series.put("metric", s.metric());
                    if (r.resultType().equals("matrix")) {
                        series.put("values", s.values().stream().map(PromResultDto::pair).toList());
                    } else {
                        series.put("value", pair(s.values().get(0)));
                    }
                    result.add(series);
                }
                out.put("result", result);
            }
            default -> out.put("result", r.result().isEmpty() ? List.of() : pair(r.result().get(0).values().get(0)));
        }
        return out;
    }

    private static List<Object> pair(Point p) {
        return List.of(BigDecimal.valueOf(p.time()).stripTrailingZeros(), p.value());
    }
}

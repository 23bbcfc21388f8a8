package io.quarterdeck.adapters.rest.apiv1.logs;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.logs.LogEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line as seed 000 shows it: {@code metadata} holds the labels plus the source's container, server and app when
 * known, and {@code truncated: true} when the line was cut at 64 KB.
 */
public record LogLineDto(String timestamp, String level, String service, String message,
                         Map<String, Object> metadata) {
    public static LogLineDto from(LogEntry e) {
        Map<String, Object> meta = new LinkedHashMap<>(e.labels());
        if (e.container() != null) {
            meta.put("container", e.container());
        }
        if (e.server() != null) {
            meta.put("server", e.server());
        }
        if (e.app() != null) {
            meta.put("app", e.app());
        }
        if (e.truncated()) {
            meta.put("truncated", true);
        }
        return new LogLineDto(Times.format(e.timestamp()), e.level().wireName(), e.service(), e.message(), meta);
    }
}

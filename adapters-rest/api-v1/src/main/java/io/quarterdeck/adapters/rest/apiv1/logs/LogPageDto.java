package io.quarterdeck.adapters.rest.apiv1.logs;

import io.quarterdeck.domain.logs.LogPage;
import java.util.List;

/** Seed 000's page of lines: {@code logs}, {@code total} matching, {@code has_more} after this page. */
public record LogPageDto(List<LogLineDto> logs, long total, boolean hasMore) {
    public static LogPageDto from(LogPage page) {
        return new LogPageDto(page.entries().stream().map(LogLineDto::from).toList(), page.total(), page.hasMore());
    }
}

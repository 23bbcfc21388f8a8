package io.quarterdeck.domain.logs;

import java.util.List;

/** One page of lines, newest first, with the number of lines matching and whether more follow this page. */
public record LogPage(List<LogEntry> entries, long total, boolean hasMore) {
    public LogPage {
        entries = List.copyOf(entries);
    }
}

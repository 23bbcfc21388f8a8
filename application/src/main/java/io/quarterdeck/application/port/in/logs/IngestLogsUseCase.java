package io.quarterdeck.application.port.in.logs;

import io.quarterdeck.domain.logs.LogEntry;
import java.util.List;

/** Takes lines from any collector or intake: scrubs them, stores them durably, then tells live followers. */
public interface IngestLogsUseCase {
    /** Returns how many lines were stored (all of them: over-long lines are cut, never refused). */
    int ingest(List<LogEntry> entries);
}

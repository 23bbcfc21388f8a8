package io.quarterdeck.application.port.in.logs;

import io.quarterdeck.domain.logs.LogPage;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.logs.LogSourceSummary;
import java.util.List;

/** Reads stored lines. */
public interface QueryLogsUseCase {
    /** Lines matching the query across all sources. */
    LogPage query(LogQuery query);

    /**
     * Lines of one source ({@code query.sourceId()} set).
     *
     * @throws io.quarterdeck.domain.shared.NotFoundException when no line ever came from that source
     */
    LogPage ofSource(LogQuery query);

    /** Every source with lines. */
    List<LogSourceSummary> sources();
}

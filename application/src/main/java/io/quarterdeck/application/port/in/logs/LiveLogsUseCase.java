package io.quarterdeck.application.port.in.logs;

import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogQuery;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * What the log sockets follow: Loki's {@code tail} when Loki is configured, else the lines as Quarterdeck commits them
 * ({@link FollowLogsUseCase}). Same contract as {@link FollowLogsUseCase#follow}.
 */
public interface LiveLogsUseCase {
    AutoCloseable live(LogQuery filter, Consumer<LogEntry> line, LongConsumer dropped);
}

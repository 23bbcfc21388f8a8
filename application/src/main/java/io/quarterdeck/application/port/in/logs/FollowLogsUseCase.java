package io.quarterdeck.application.port.in.logs;

import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogQuery;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Live lines for a socket: each new line that the query accepts, in order. A follower that cannot keep up loses the
 * oldest waiting lines and is told how many, instead of the server holding them.
 */
public interface FollowLogsUseCase {
    /**
     * Starts following; close the handle to stop. Both callbacks run on one delivery thread per follower at a time,
     * never concurrently: {@code line} for each line, {@code dropped} with the number of lines lost because the
     * follower fell behind (before the next line it gets).
     */
    AutoCloseable follow(LogQuery filter, Consumer<LogEntry> line, LongConsumer dropped);
}

package io.quarterdeck.application.port.in.logs;

import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogQuery;

/**
 * Live lines for a socket: each new line that the query accepts, in order. A follower that cannot keep up loses the
 * oldest waiting lines and is told how many, instead of the server holding them.
 */
public interface FollowLogsUseCase {
    /** What a follower receives; called on one delivery thread per follower, never concurrently. */
    interface Follower {
        void line(LogEntry entry);

        /** {@code count} lines were dropped because this follower fell behind. */
        void dropped(long count);
    }

    /** Starts following; close the handle to stop. */
    AutoCloseable follow(LogQuery filter, Follower follower);
}

package io.quarterdeck.application.port.out.apps;

import io.quarterdeck.domain.apps.FunctionLog;
import java.time.Instant;
import java.util.List;

/** Function logs. Every method joins the caller's transaction. */
public interface FunctionLogRepository {
    /** Stores the log unless one with its id is stored already; returns whether it was new. */
    boolean insertIfAbsent(FunctionLog log);

    /** Newest first. */
    ResultPage<FunctionLog> search(Query query);

    /** Per function and app in [from, to): slowest average first, at most {@code n}. */
    List<FunctionStats> slowest(int n, Instant from, Instant to);

    /** Logs in [from, to) in time order (at most {@code max}), for trends. */
    List<FunctionLog> between(String app, String functionName, Instant from, Instant to, int max);

    record Query(String app, String functionName, Instant from, Instant to, int page, int perPage) {
    }

    record FunctionStats(String functionName, String app, double avgSeconds, double maxSeconds, double avgTaskSize,
                         long totalCalls) {
    }
}

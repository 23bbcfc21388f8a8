package io.quarterdeck.application.logs;

import io.quarterdeck.application.port.in.logs.FollowLogsUseCase;
import io.quarterdeck.application.port.in.logs.LiveLogsUseCase;
import io.quarterdeck.application.port.out.logs.LogTail;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** The live sockets' lines: the external store's tail when one is configured, else Quarterdeck's own feed. */
@ApplicationScoped
public class LiveLogService implements LiveLogsUseCase {
    private final LogTail tail;
    private final FollowLogsUseCase feed;

    @Inject
    public LiveLogService(LogTail tail, FollowLogsUseCase feed) {
        this.tail = tail;
        this.feed = feed;
    }

    /** For CDI proxies only. */
    protected LiveLogService() {
        this(null, null);
    }

    @Override
    public AutoCloseable live(LogQuery filter, Consumer<LogEntry> line, LongConsumer dropped) {
        return tail.tail(filter, line, dropped).orElseGet(() -> feed.follow(filter, line, dropped));
    }
}

package io.quarterdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class SelfLogHandlerTest {
    private static LogRecord record(Level level, String message) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("io.quarterdeck.test");
        return r;
    }

    @Test
    void records_at_the_level_or_above_become_lines_of_the_quarterdeck_source() {
        SelfLogHandler h = new SelfLogHandler(10, Level.WARNING);
        h.publish(record(Level.INFO, "quiet"));
        LogRecord failed = record(Level.SEVERE, "store {0} failed (org.hibernate.exception.DataException: no)");
        failed.setParameters(new Object[] {"logs"});
        failed.setThrown(new IllegalStateException("boom"));
        h.publish(failed);
        h.publish(record(Level.WARNING, "careful"));
        List<LogEntry> got = new ArrayList<>();
        assertEquals(2, h.drain(100, got::addAll));
        assertEquals(LogLevel.ERROR, got.get(0).level());
        assertEquals("quarterdeck", got.get(0).service());
        assertEquals("store logs failed (DataException: no)", got.get(0).message(),
                "no stack trace, no library packages: viewers read this log");
        assertEquals("IllegalStateException", got.get(0).labels().get("exception"));
        assertEquals("io.quarterdeck.test", got.get(0).labels().get("logger"));
        assertEquals(LogLevel.WARN, got.get(1).level());

        h.setLevel(Level.INFO); // changed at runtime
        h.publish(record(Level.INFO, "now heard"));
        assertEquals(1, h.drain(100, got::addAll));
    }

    @Test
    void a_full_queue_drops_and_counts_and_the_drain_never_collects_its_own_failures() {
        SelfLogHandler h = new SelfLogHandler(2, Level.WARNING);
        for (int i = 0; i < 5; i++) {
            h.publish(record(Level.WARNING, "w" + i));
        }
        assertEquals(2, h.queued());
        assertEquals(3, h.dropped());
        Logger logger = Logger.getLogger("io.quarterdeck.selflogtest");
        logger.setUseParentHandlers(false);
        logger.addHandler(h);
        try {
            int drained = h.drain(10, batch -> {
                logger.warning("the store is down"); // logged while draining: must not come back
                throw new IllegalStateException("store down");
            });
            assertEquals(2, drained);
            assertEquals(0, h.queued(), "nothing the drain logged was queued");
            assertEquals(5, h.dropped(), "the batch the store refused is counted as lost");
        } finally {
            logger.removeHandler(h);
        }
    }
}

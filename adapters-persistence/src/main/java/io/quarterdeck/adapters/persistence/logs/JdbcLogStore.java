package io.quarterdeck.adapters.persistence.logs;

import io.quarterdeck.adapters.persistence.support.DatabaseProduct;
import io.quarterdeck.application.port.out.logs.LogStore;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.logs.LogPage;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.logs.LogSourceSummary;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The built-in log store in {@code log_entries} and {@code log_sources}, by plain JDBC on connections of its own:
 * one append is one transaction of its own (a batch insert and the sources' upsert), committed before it returns, so
 * a push is durable when it is answered and ingestion does not ride on any caller's transaction. Queries read newest
 * first through the {@code (source, ts)} and {@code (level, ts)} indexes; {@code search} is a case-insensitive
 * {@code ILIKE}, which PostgreSQL serves from a trigram index (V6_1).
 */
@ApplicationScoped
@Typed(JdbcLogStore.class) // the composition root decides which store the core gets (LogStoreSelection)
public class JdbcLogStore implements LogStore {
    private static final LogLevel[] LEVELS = LogLevel.values();

    @Resource(lookup = "jdbc/quarterdeck")
    DataSource dataSource;
    private final DatabaseProduct product = new DatabaseProduct();

    public JdbcLogStore() {
    }

    /** For tests outside a container. */
    public JdbcLogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<LogEntry> appendAll(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return appendOnce(entries);
            } catch (SQLException e) {
                // H2's MERGE is not atomic: two appends creating the same new source at once collide on its key, and
                // the one that lost finds the row on its next attempt (PostgreSQL's ON CONFLICT never gets here).
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("cannot store " + entries.size() + " log lines: SQLState "
                            + e.getSQLState(), e);
                }
            }
        }
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_ATTEMPTS = 5;

    private List<LogEntry> appendOnce(List<LogEntry> entries) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<LogEntry> stored = product.postgres(c) ? insertRows(c, entries) : insert(c, entries);
                upsertSources(c, entries);
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private static List<LogEntry> insert(Connection c, List<LogEntry> entries) throws SQLException {
        List<LogEntry> stored = new ArrayList<>(entries.size());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO log_entries (ts, level, service, container,"
                + " server_name, app, message, labels, truncated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            for (LogEntry e : entries) {
                s.setObject(1, OffsetDateTime.ofInstant(e.timestamp(), ZoneOffset.UTC));
                s.setShort(2, (short) e.level().ordinal());
                s.setString(3, e.service());
                s.setString(4, e.container());
                s.setString(5, e.server());
                s.setString(6, e.app());
                s.setString(7, e.message());
                s.setString(8, LabelsText.write(e.labels()));
                s.setBoolean(9, e.truncated());
                s.addBatch();
            }
            s.executeBatch();
            try (ResultSet keys = s.getGeneratedKeys()) {
                int i = 0;
                while (keys.next() && i < entries.size()) {
                    stored.add(entries.get(i++).withId(keys.getLong(1)));
                }
                while (i < entries.size()) {
                    stored.add(entries.get(i++));
                }
            }
        }
        return stored;
    }

    /** Rows per multi-row INSERT on PostgreSQL (9 parameters each: 900 of the 65,535 a statement may carry). */
    static final int ROWS_PER_INSERT = 100;
    private static final String COLUMNS = "INSERT INTO log_entries (ts, level, service, container, server_name, app,"
            + " message, labels, truncated) VALUES ";

    /**
     * PostgreSQL: the batch as multi-row {@code INSERT ... VALUES (..), (..) RETURNING id} of up to
     * {@link #ROWS_PER_INSERT} rows, one statement execution per 100 lines instead of one per line (the driver
     * sends a JDBC batch as one execution per row: parse-free, but a bind, an executor start and a RETURNING row each).
     * PostgreSQL inserts and returns the rows of a VALUES list in its order.
     */
    private static List<LogEntry> insertRows(Connection c, List<LogEntry> entries) throws SQLException {
        List<LogEntry> stored = new ArrayList<>(entries.size());
        PreparedStatement full = null;
        try {
            for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
                int rows = Math.min(ROWS_PER_INSERT, entries.size() - from);
                PreparedStatement s;
                if (rows == ROWS_PER_INSERT) {
                    if (full == null) {
                        full = c.prepareStatement(valuesSql(rows));
                    }
                    s = full;
                } else {
                    s = c.prepareStatement(valuesSql(rows));
                }
                try {
                    int p = 1;
                    for (int i = from; i < from + rows; i++) {
                        LogEntry e = entries.get(i);
                        s.setObject(p++, OffsetDateTime.ofInstant(e.timestamp(), ZoneOffset.UTC));
                        s.setShort(p++, (short) e.level().ordinal());
                        s.setString(p++, e.service());
                        s.setString(p++, e.container());
                        s.setString(p++, e.server());
                        s.setString(p++, e.app());
                        s.setString(p++, e.message());
                        s.setString(p++, LabelsText.write(e.labels()));
                        s.setBoolean(p++, e.truncated());
                    }
                    int i = from;
                    try (ResultSet keys = s.executeQuery()) {
                        while (keys.next() && i < from + rows) {
                            stored.add(entries.get(i++).withId(keys.getLong(1)));
                        }
                    }
                    while (i < from + rows) {
                        stored.add(entries.get(i++));
                    }
                } finally {
                    if (s != full) {
                        s.close();
                    }
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
        return stored;
    }

    private static String valuesSql(int rows) {
        StringBuilder sql = new StringBuilder(COLUMNS.length() + rows * 30 + 16).append(COLUMNS);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.append(" RETURNING id").toString();
    }

    private record SourceDelta(Instant lastSeen, LogLevel lastLevel, long lines) {
    }

    private void upsertSources(Connection c, List<LogEntry> entries) throws SQLException {
        Map<String, SourceDelta> deltas = new TreeMap<>();
        for (LogEntry e : entries) {
            for (String name : new String[] {e.service(), e.container(), e.server(), e.app()}) {
                if (name != null) {
                    deltas.merge(name, new SourceDelta(e.timestamp(), e.level(), 1), (a, b) -> new SourceDelta(
                            b.lastSeen().isBefore(a.lastSeen()) ? a.lastSeen() : b.lastSeen(),
                            b.lastSeen().isBefore(a.lastSeen()) ? a.lastLevel() : b.lastLevel(),
                            a.lines() + b.lines()));
                }
            }
        }
        // Sorted names: concurrent appends lock the same rows in the same order, so they wait instead of deadlocking.
        String sql = product.postgres(c)
                ? "INSERT INTO log_sources (name, last_seen, last_level, line_count) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET"
                + " last_level = CASE WHEN EXCLUDED.last_seen >= log_sources.last_seen THEN EXCLUDED.last_level"
                + " ELSE log_sources.last_level END,"
                + " last_seen = GREATEST(log_sources.last_seen, EXCLUDED.last_seen),"
                + " line_count = log_sources.line_count + EXCLUDED.line_count"
                : "MERGE INTO log_sources t USING (VALUES (CAST(? AS VARCHAR(200)),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS SMALLINT), CAST(? AS BIGINT)))"
                + " AS s(name, last_seen, last_level, line_count) ON t.name = s.name"
                + " WHEN MATCHED THEN UPDATE SET"
                + " last_level = CASE WHEN s.last_seen >= t.last_seen THEN s.last_level ELSE t.last_level END,"
                + " last_seen = GREATEST(t.last_seen, s.last_seen), line_count = t.line_count + s.line_count"
                + " WHEN NOT MATCHED THEN INSERT (name, last_seen, last_level, line_count)"
                + " VALUES (s.name, s.last_seen, s.last_level, s.line_count)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Map.Entry<String, SourceDelta> d : deltas.entrySet()) {
                s.setString(1, d.getKey());
                s.setObject(2, OffsetDateTime.ofInstant(d.getValue().lastSeen(), ZoneOffset.UTC));
                s.setShort(3, (short) d.getValue().lastLevel().ordinal());
                s.setLong(4, d.getValue().lines());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public LogPage search(LogQuery q) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        try (Connection c = dataSource.getConnection()) {
            List<LogEntry> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, ts, level, service, container, server_name, app,"
                    + " message, labels, truncated FROM log_entries" + where
                    + " ORDER BY ts DESC, id DESC LIMIT ? OFFSET ?")) {
                int i = bind(s, args);
                s.setInt(i++, q.limit() + 1);
                s.setInt(i, q.offset());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            boolean more = rows.size() > q.limit();
            if (more) {
                rows.remove(rows.size() - 1);
            }
            long total;
            if (!more) {
                total = (long) q.offset() + rows.size();
                if (rows.isEmpty() && q.offset() > 0) {
                    total = count(c, where, args);
                }
            } else {
                total = count(c, where, args);
            }
            return new LogPage(rows, total, more);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query log lines: SQLState " + e.getSQLState(), e);
        }
    }

    private static long count(Connection c, String where, List<Object> args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM log_entries" + where)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String where(LogQuery q, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (q.sourceId() != null) {
            conditions.add("(service = ? OR container = ? OR server_name = ? OR app = ?)");
            for (int i = 0; i < 4; i++) {
                args.add(q.sourceId());
            }
        }
        if (q.app() != null) {
            if (q.app().isLiteral()) {
                conditions.add("(service = ? OR container = ? OR app = ?)");
                for (int i = 0; i < 3; i++) {
                    args.add(q.app().pattern());
                }
            } else {
                conditions.add("(service LIKE ? ESCAPE '\\' OR container LIKE ? ESCAPE '\\'"
                        + " OR app LIKE ? ESCAPE '\\')");
                for (int i = 0; i < 3; i++) {
                    args.add(q.app().toLike());
                }
            }
        }
        if (q.exactLevel() != null) {
            conditions.add("level = ?");
            args.add((short) q.exactLevel().ordinal());
        } else if (q.minLevel() != null && q.minLevel().ordinal() > 0) {
            conditions.add("level >= ?");
            args.add((short) q.minLevel().ordinal());
        }
        if (q.from() != null) {
            conditions.add("ts >= ?");
            args.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            conditions.add("ts <= ?");
            args.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.search() != null) {
            conditions.add("message ILIKE ? ESCAPE '\\'");
            args.add("%" + likeLiteral(q.search()) + "%");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    static String likeLiteral(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (char ch : s.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '\\') {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    private static int bind(PreparedStatement s, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            s.setObject(i++, a);
        }
        return i;
    }

    private static LogEntry row(ResultSet rs) throws SQLException {
        return new LogEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), level(rs.getShort(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                LabelsText.read(rs.getString(9)), rs.getBoolean(10));
    }

    private static LogLevel level(int ordinal) {
        return ordinal >= 0 && ordinal < LEVELS.length ? LEVELS[ordinal] : LogLevel.INFO;
    }

    @Override
    public List<LogSourceSummary> sources() {
        List<LogSourceSummary> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, last_seen, last_level, line_count FROM log_sources"
                     + " ORDER BY name")) {
            while (rs.next()) {
                out.add(new LogSourceSummary(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        level(rs.getShort(3)), rs.getLong(4)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list log sources: SQLState " + e.getSQLState(), e);
        }
    }

    @Override
    public boolean knows(String sourceId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM log_sources WHERE name = ?")) {
            s.setString(1, sourceId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read log sources: SQLState " + e.getSQLState(), e);
        }
    }

    @Override
    public long deleteOlderThan(Instant cutoff) {
        try (Connection c = dataSource.getConnection()) {
            OffsetDateTime t = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
            long removed;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM log_entries WHERE ts < ?")) {
                s.setObject(1, t);
                removed = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM log_sources WHERE last_seen < ?")) {
                s.setObject(1, t);
                s.executeUpdate();
            }
            return removed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply log retention: SQLState " + e.getSQLState(), e);
        }
    }

    @Override
    public long trimTo(long maxLines) {
        try (Connection c = dataSource.getConnection()) {
            long count;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM log_entries")) {
                rs.next();
                count = rs.getLong(1);
            }
            if (count <= maxLines) {
                return 0;
            }
            long excess = count - maxLines;
            Long boundary = null;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM log_entries ORDER BY id LIMIT 1 OFFSET ?")) {
                s.setLong(1, excess - 1);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        boundary = rs.getLong(1);
                    }
                }
            }
            if (boundary == null) {
                return 0;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM log_entries WHERE id <= ?")) {
                s.setLong(1, boundary);
                return s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply log size retention: SQLState " + e.getSQLState(), e);
        }
    }

}

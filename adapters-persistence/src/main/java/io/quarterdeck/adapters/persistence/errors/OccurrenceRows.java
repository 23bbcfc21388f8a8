package io.quarterdeck.adapters.persistence.errors;

import static io.quarterdeck.adapters.persistence.errors.ErrorGroupRows.instant;
import static io.quarterdeck.adapters.persistence.errors.ErrorGroupRows.time;

import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The one mapping of {@code error_occurrences}, in plain JDBC; portable between H2 2.x and PostgreSQL 15. */
final class OccurrenceRows {
    private static final String COLUMNS = "id, group_id, occurred_at, level, environment, url, user_agent,"
            + " ip_address, context";
    private static final String VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT = "insert into error_occurrences (" + COLUMNS + ") values " + VALUES;
    static final int ROWS_PER_INSERT = 50;

    private OccurrenceRows() {
    }

    /**
     * Multi-row inserts of up to {@value #ROWS_PER_INSERT} rows: one statement, one round trip and one plan for
     * many occurrences, where a JDBC batch would still execute every row as its own statement.
     */
    static void insert(Connection c, Collection<ErrorOccurrence> occurrences) throws SQLException {
        List<ErrorOccurrence> rows = List.copyOf(occurrences);
        int full = rows.size() / ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertOf(ROWS_PER_INSERT))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    bind(ps, rows.subList(chunk * ROWS_PER_INSERT, (chunk + 1) * ROWS_PER_INSERT));
                    ps.executeUpdate();
                }
            }
        }
        List<ErrorOccurrence> rest = rows.subList(full * ROWS_PER_INSERT, rows.size());
        if (!rest.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(insertOf(rest.size()))) {
                bind(ps, rest);
                ps.executeUpdate();
            }
        }
    }

    private static String insertOf(int rows) {
        return INSERT + (", " + VALUES).repeat(rows - 1);
    }

    private static void bind(PreparedStatement ps, List<ErrorOccurrence> rows) throws SQLException {
        int i = 1;
        for (ErrorOccurrence o : rows) {
            ps.setString(i++, o.id());
            ps.setString(i++, o.groupId().value());
            ps.setObject(i++, time(o.occurredAt()));
            ps.setString(i++, o.level().wireName());
            ps.setString(i++, o.environment());
            ps.setString(i++, o.url());
            ps.setString(i++, o.userAgent());
            ps.setString(i++, o.ipAddress());
            ps.setString(i++, ContextJson.write(o.context()));
        }
    }

    /** The group's newest occurrences, at most {@code limit}. */
    static List<ErrorOccurrence> latest(Connection c, ErrorGroupId groupId, int limit) throws SQLException {
        List<ErrorOccurrence> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from error_occurrences"
                + " where group_id = ? order by occurred_at desc, id desc limit ?")) {
            ps.setString(1, groupId.value());
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(occurrence(rs));
                }
            }
        }
        return found;
    }

    static long countFor(Connection c, ErrorGroupId groupId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from error_occurrences where group_id = ?")) {
            ps.setString(1, groupId.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long deleteOlderThan(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from error_occurrences where occurred_at < ?")) {
            ps.setObject(1, time(cutoff));
            return ps.executeUpdate();
        }
    }

    static long trimEachGroupTo(Connection c, int cap) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from error_occurrences where id in (select id from"
                + " (select id, row_number() over (partition by group_id order by occurred_at desc, id desc) rn"
                + " from error_occurrences) ranked where ranked.rn > ?)")) {
            ps.setInt(1, cap);
            return ps.executeUpdate();
        }
    }

    private static ErrorOccurrence occurrence(ResultSet rs) throws SQLException {
        return new ErrorOccurrence(rs.getString("id"), new ErrorGroupId(rs.getString("group_id")),
                instant(rs, "occurred_at"), ErrorLevel.parse("level", rs.getString("level")),
                rs.getString("environment"), rs.getString("url"), rs.getString("user_agent"),
                rs.getString("ip_address"), ContextJson.read(rs.getString("context")));
    }
}

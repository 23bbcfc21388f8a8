package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.domain.errors.ClientInfo;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ingestion write path in plain JDBC, on the connection of the caller's JPA transaction: one locking select
 * for a batch's fingerprints and batched statements for new groups, changed groups and occurrences. Ingestion is
 * the hottest path of the product; here it pays no entity lifecycle, dirty checking or flush ordering per event.
 * The SQL is portable between H2 2.x and PostgreSQL 15.
 */
final class ErrorRows {
    private static final String GROUP_COLUMNS = "id, fingerprint, grouping_version, level, message, stack_trace, context,"
            + " source, environment, url, user_agent, ip_address, resolved, regressed, resolved_at, occurrence_count,"
            + " first_seen, last_seen, created_at, updated_at, row_version";
    private static final String INSERT_GROUP = "insert into error_groups (" + GROUP_COLUMNS + ")"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_GROUP = "update error_groups set level = ?, message = ?, stack_trace = ?,"
            + " context = ?, source = ?, environment = ?, url = ?, user_agent = ?, ip_address = ?, resolved = ?,"
            + " regressed = ?, resolved_at = ?, occurrence_count = ?, first_seen = ?, last_seen = ?, updated_at = ?,"
            + " row_version = ? where id = ?";
    private static final String UPDATE_GROUP_IF_UNCHANGED = UPDATE_GROUP + " and row_version = ?";
    private static final String OCCURRENCE_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_OCCURRENCE = "insert into error_occurrences (id, group_id, occurred_at, level,"
            + " environment, url, user_agent, ip_address, context) values " + OCCURRENCE_VALUES;
    static final int ROWS_PER_INSERT = 50;

    private ErrorRows() {
    }

    /** The groups with these fingerprints, locked (in fingerprint order, so concurrent writers cannot deadlock). */
    static Map<Fingerprint, ErrorGroup> lockByFingerprints(Connection c, List<String> fingerprints)
            throws SQLException {
        Map<Fingerprint, ErrorGroup> found = new HashMap<>();
        // Chunks keep the statement's parameter count bounded; 500 is the largest batch the writer sends.
        for (int from = 0; from < fingerprints.size(); from += 500) {
            List<String> chunk = fingerprints.subList(from, Math.min(fingerprints.size(), from + 500));
            String sql = "select " + GROUP_COLUMNS + " from error_groups where fingerprint in ("
                    + "?, ".repeat(chunk.size() - 1) + "?) order by fingerprint for update";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ErrorGroup g = group(rs);
                        found.put(g.fingerprint(), g);
                    }
                }
            }
        }
        return found;
    }

    /** Inserts the groups; returns the row version each was stored with, in the same order. */
    static long[] insertGroups(Connection c, Collection<ErrorGroup> groups) throws SQLException {
        long[] versions = new long[groups.size()];
        try (PreparedStatement ps = c.prepareStatement(INSERT_GROUP)) {
            int i = 0;
            for (ErrorGroup g : groups) {
                ps.setString(1, g.id().value());
                ps.setString(2, g.fingerprint().value());
                ps.setInt(3, g.groupingVersion());
                int next = setState(ps, 4, g);
                versions[i] = newVersion();
                ps.setLong(next, versions[i++]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return versions;
    }

    /** What {@link #updateGroups} did: the groups written with their new versions, and the ones it did not find. */
    record Updated(List<ErrorGroup> written, List<Long> versions, List<ErrorGroup> changedElsewhere,
                   List<ErrorGroup> missing) {
    }

    /**
     * Writes the mutable state. A group taken from the cache (see {@link ErrorGroupCache#expectedVersion}) is
     * written only if its row still has the version the cache knew; otherwise it is reported as changed elsewhere.
     * Groups read from their rows are locked and written unconditionally.
     */
    static Updated updateGroups(Connection c, Collection<ErrorGroup> groups, ErrorGroupCache cache)
            throws SQLException {
        List<ErrorGroup> conditional = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        List<ErrorGroup> unconditional = new ArrayList<>();
        for (ErrorGroup g : groups) {
            Long version = cache.expectedVersion(g);
            if (version == null) {
                unconditional.add(g);
            } else {
                conditional.add(g);
                expected.add(version);
            }
        }
        Updated done = new Updated(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        update(c, UPDATE_GROUP_IF_UNCHANGED, conditional, expected, done, done.changedElsewhere());
        update(c, UPDATE_GROUP, unconditional, null, done, done.missing());
        return done;
    }

    /** One batch of updates; {@code expected} is null for the unconditional statement. */
    private static void update(Connection c, String sql, List<ErrorGroup> groups, List<Long> expected, Updated done,
                               List<ErrorGroup> notFound) throws SQLException {
        if (groups.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            long[] next = bindUpdates(ps, groups, expected);
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    notFound.add(groups.get(i));
                } else {
                    done.written().add(groups.get(i));
                    done.versions().add(next[i]);
                }
            }
        }
    }

    private static long[] bindUpdates(PreparedStatement ps, List<ErrorGroup> groups, List<Long> expected)
            throws SQLException {
        long[] next = new long[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            ErrorGroup g = groups.get(i);
            int p = setState(ps, 1, g);
            next[i] = newVersion();
            ps.setLong(p++, next[i]);
            ps.setString(p++, g.id().value());
            if (expected != null) {
                ps.setLong(p, expected.get(i));
            }
            ps.addBatch();
        }
        return next;
    }

    /** A random row version: one that a rolled-back write stored can never come back (see V4's migration). */
    private static long newVersion() {
        return ThreadLocalRandom.current().nextLong();
    }

    /**
     * Multi-row inserts of up to {@value #ROWS_PER_INSERT} rows: one statement, one round trip and one plan for
     * many occurrences, where a JDBC batch would still execute every row as its own statement.
     */
    static void insertOccurrences(Connection c, Collection<ErrorOccurrence> occurrences) throws SQLException {
        List<ErrorOccurrence> rows = List.copyOf(occurrences);
        int full = rows.size() / ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertOccurrences(ROWS_PER_INSERT))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    bindOccurrences(ps, rows.subList(chunk * ROWS_PER_INSERT, (chunk + 1) * ROWS_PER_INSERT));
                    ps.executeUpdate();
                }
            }
        }
        List<ErrorOccurrence> rest = rows.subList(full * ROWS_PER_INSERT, rows.size());
        if (!rest.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(insertOccurrences(rest.size()))) {
                bindOccurrences(ps, rest);
                ps.executeUpdate();
            }
        }
    }

    private static String insertOccurrences(int rows) {
        return INSERT_OCCURRENCE + (", " + OCCURRENCE_VALUES).repeat(rows - 1);
    }

    private static void bindOccurrences(PreparedStatement ps, List<ErrorOccurrence> rows) throws SQLException {
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

    /**
     * level .. updated_at, in the order of both INSERT_GROUP (from its 4th parameter) and UPDATE_GROUP; returns the
     * index of the next parameter.
     */
    private static int setState(PreparedStatement ps, int first, ErrorGroup g) throws SQLException {
        int i = first;
        ps.setString(i++, g.level().wireName());
        ps.setString(i++, g.message());
        ps.setString(i++, g.stackTrace());
        ps.setString(i++, ContextJson.write(g.context()));
        ps.setString(i++, g.source());
        ps.setString(i++, g.environment());
        ps.setString(i++, g.url());
        ps.setString(i++, g.client().userAgent());
        ps.setString(i++, g.client().ipAddress());
        ps.setBoolean(i++, g.resolved());
        ps.setBoolean(i++, g.regressed());
        if (g.resolvedAt() == null) {
            ps.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i++, time(g.resolvedAt()));
        }
        ps.setLong(i++, g.count());
        ps.setObject(i++, time(g.firstSeen()));
        ps.setObject(i++, time(g.lastSeen()));
        if (first == 4) {
            ps.setObject(i++, time(g.createdAt()));
        }
        ps.setObject(i++, time(g.updatedAt()));
        return i;
    }

    /** A copy that shares nothing mutable with the original (the context map is immutable). */
    static ErrorGroup copy(ErrorGroup g) {
        return ErrorGroup.restore(g.id(), g.fingerprint(), g.groupingVersion(), g.level(), g.message(), g.stackTrace(),
                g.context(), g.source(), g.environment(), g.url(), g.client(), g.resolved(), g.regressed(),
                g.resolvedAt(), g.count(), g.firstSeen(), g.lastSeen(), g.createdAt(), g.updatedAt());
    }

    private static ErrorGroup group(ResultSet rs) throws SQLException {
        return ErrorGroup.restore(new ErrorGroupId(rs.getString("id")), new Fingerprint(rs.getString("fingerprint")),
                rs.getInt("grouping_version"), ErrorLevel.parse("level", rs.getString("level")),
                rs.getString("message"), rs.getString("stack_trace"), ContextJson.read(rs.getString("context")),
                rs.getString("source"), rs.getString("environment"), rs.getString("url"),
                new ClientInfo(rs.getString("user_agent"), rs.getString("ip_address")), rs.getBoolean("resolved"),
                rs.getBoolean("regressed"), instant(rs, "resolved_at"), rs.getLong("occurrence_count"),
                instant(rs, "first_seen"), instant(rs, "last_seen"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static OffsetDateTime time(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static List<String> values(Collection<Fingerprint> fingerprints) {
        List<String> values = new ArrayList<>(fingerprints.size());
        fingerprints.stream().map(Fingerprint::value).distinct().sorted().forEach(values::add);
        return values;
    }
}

package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.domain.errors.ClientInfo;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.ErrorQuery;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one mapping of {@code error_groups}, in plain JDBC on the connection of the caller's transaction: one locking
 * select for a batch's fingerprints and batched statements for new and changed groups (ingestion is the hottest path
 * of the product; here it pays no entity lifecycle, dirty checking or flush ordering per event), and the few reads
 * of the dashboards. The SQL is portable between H2 2.x and PostgreSQL 15.
 * <p>
 * A group read or written here carries its row version as its storage version (see V4's migration); an update names
 * the version it expects and changes nothing when another writer changed the row since.
 */
final class ErrorGroupRows {
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
    /** The largest batch the writer sends; chunks keep a statement's parameter count bounded. */
    private static final int FINGERPRINTS_PER_SELECT = 500;

    private ErrorGroupRows() {
    }

    /** The groups with these fingerprints, locked (in fingerprint order, so concurrent writers cannot deadlock). */
    static Map<Fingerprint, ErrorGroup> lockByFingerprints(Connection c, List<String> fingerprints)
            throws SQLException {
        Map<Fingerprint, ErrorGroup> found = new HashMap<>();
        for (int from = 0; from < fingerprints.size(); from += FINGERPRINTS_PER_SELECT) {
            List<String> chunk = fingerprints.subList(from,
                    Math.min(fingerprints.size(), from + FINGERPRINTS_PER_SELECT));
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

    /** The group with this id, locked against other writers until the transaction ends when {@code lock}. */
    static Optional<ErrorGroup> byId(Connection c, ErrorGroupId id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + GROUP_COLUMNS + " from error_groups where id = ?"
                + (lock ? " for update" : ""))) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(group(rs)) : Optional.empty();
            }
        }
    }

    /** One page of the groups matching the query, newest last-seen first, and how many match in all. */
    static Page search(Connection c, ErrorQuery q) throws SQLException {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.level() != null) {
            where.append(" and level = ?");
            params.add(q.level().wireName());
        }
        if (q.source() != null) {
            where.append(" and source = ?");
            params.add(q.source());
        }
        if (q.resolved() != null) {
            where.append(" and resolved = ?");
            params.add(q.resolved());
        }
        if (q.search() != null) {
            where.append(" and lower(message) like ? escape '!'");
            params.add("%" + escapeLike(q.search().toLowerCase(Locale.ROOT)) + "%");
        }
        long total;
        // A text search is counted only up to a bound: counting every group that contains a common word means
        // reading each of them (a trigram index finds candidates, not a count), a second per 100,000 matches.
        long cap = q.search() == null ? -1 : Math.max(SEARCH_COUNT_CAP, q.offset() + q.limit()) + 1;
        try (PreparedStatement ps = c.prepareStatement(cap < 0 ? "select count(*) from error_groups" + where
                : "select count(*) from (select 1 from error_groups" + where + " limit " + cap + ") t")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        boolean capped = cap > 0 && total >= cap;
        if (capped) {
            total = cap - 1;
        }
        List<ErrorGroup> groups = new ArrayList<>();
        if (q.offset() < total) {
            try (PreparedStatement ps = c.prepareStatement("select " + GROUP_COLUMNS + " from error_groups" + where
                    + " order by last_seen desc, id limit ? offset ?")) {
                int next = bind(ps, params);
                ps.setInt(next++, q.limit());
                ps.setLong(next, q.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups.add(group(rs));
                    }
                }
            }
        }
        return new Page(groups, total, capped);
    }

    /** A search for text counts at most this many matches (or up to the end of the requested page, if further). */
    static final int SEARCH_COUNT_CAP = 1_000;

    /** What {@link #search} found. */
    record Page(List<ErrorGroup> groups, long total, boolean totalIsLowerBound) {
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Deletes the group and its occurrences; returns its fingerprint, or empty when there was none. */
    static Optional<Fingerprint> delete(Connection c, ErrorGroupId id) throws SQLException {
        Optional<ErrorGroup> group = byId(c, id, true);
        if (group.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement occurrences = c.prepareStatement("delete from error_occurrences where group_id = ?");
             PreparedStatement row = c.prepareStatement("delete from error_groups where id = ?")) {
            occurrences.setString(1, id.value());
            occurrences.executeUpdate();
            row.setString(1, id.value());
            row.executeUpdate();
        }
        return Optional.of(group.get().fingerprint());
    }

    /** Inserts the groups; returns the row version each was stored with, in the same order. */
    static long[] insert(Connection c, Collection<ErrorGroup> groups) throws SQLException {
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

    /**
     * What {@link #update} did: the groups written with their new versions, those whose row had another version
     * than the one they carry (changed or deleted elsewhere), and those without a version that have no row.
     */
    record Updated(List<ErrorGroup> written, List<Long> versions, List<ErrorGroup> changedElsewhere,
                   List<ErrorGroup> missing) {
    }

    /**
     * Writes the mutable state. A group that carries a row version (read here, or taken from the cache) is written
     * only if its row still has that version; a group without one is written unconditionally.
     */
    static Updated update(Connection c, Collection<ErrorGroup> groups) throws SQLException {
        List<ErrorGroup> conditional = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        List<ErrorGroup> unconditional = new ArrayList<>();
        for (ErrorGroup g : groups) {
            if (g.storageVersion() == null) {
                unconditional.add(g);
            } else {
                conditional.add(g);
                expected.add(Long.parseLong(g.storageVersion()));
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

    /**
     * The group as just written with this row version: a copy that shares nothing mutable with the original (the
     * context map is immutable) and carries the version as its storage version.
     */
    static ErrorGroup written(ErrorGroup g, long version) {
        return ErrorGroup.restore(g.id(), g.fingerprint(), g.groupingVersion(), g.level(), g.message(), g.stackTrace(),
                g.context(), g.source(), g.environment(), g.url(), g.client(), g.resolved(), g.regressed(),
                g.resolvedAt(), g.count(), g.firstSeen(), g.lastSeen(), g.createdAt(), g.updatedAt(),
                Long.toString(version));
    }

    private static ErrorGroup group(ResultSet rs) throws SQLException {
        return ErrorGroup.restore(new ErrorGroupId(rs.getString("id")), new Fingerprint(rs.getString("fingerprint")),
                rs.getInt("grouping_version"), ErrorLevel.parse("level", rs.getString("level")),
                rs.getString("message"), rs.getString("stack_trace"), ContextJson.read(rs.getString("context")),
                rs.getString("source"), rs.getString("environment"), rs.getString("url"),
                new ClientInfo(rs.getString("user_agent"), rs.getString("ip_address")), rs.getBoolean("resolved"),
                rs.getBoolean("regressed"), instant(rs, "resolved_at"), rs.getLong("occurrence_count"),
                instant(rs, "first_seen"), instant(rs, "last_seen"), instant(rs, "created_at"),
                instant(rs, "updated_at"), Long.toString(rs.getLong("row_version")));
    }

    static OffsetDateTime time(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The distinct fingerprint values in ascending order (the order rows are locked in). */
    static List<String> values(Collection<Fingerprint> fingerprints) {
        List<String> values = new ArrayList<>(fingerprints.size());
        fingerprints.stream().map(Fingerprint::value).distinct().sorted().forEach(values::add);
        return values;
    }
}

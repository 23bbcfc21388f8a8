package io.quarterdeck.container;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** What the database holds, read with plain JDBC (no JPA, no cache of the adapter under test). */
final class Rows {
    record Group(String id, String message, boolean resolved, long occurrenceCount) {
    }

    private static final String GROUP_COLUMNS = "select id, message, resolved, occurrence_count from error_groups";

    private Rows() {
    }

    static Optional<Group> groupById(DataSource db, String id) {
        List<Group> found = groups(db, GROUP_COLUMNS + " where id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static List<Group> groupsWithMessage(DataSource db, String message) {
        return groups(db, GROUP_COLUMNS + " where message = ?", message);
    }

    static long occurrencesOf(DataSource db, String groupId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from error_occurrences where group_id = ?")) {
            ps.setString(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Group> groups(DataSource db, String sql, String value) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            List<Group> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Group(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

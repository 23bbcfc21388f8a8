package io.quarterdeck.adapters.persistence.metrics;

import io.quarterdeck.application.port.out.metrics.MetricHistory;
import io.quarterdeck.domain.metrics.HostSample;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Host samples in {@code host_samples}, by plain JDBC on connections of its own: the sampler's schedule writes
 * outside any request, and each write is one auto-committed statement (downsampling: one transaction).
 */
@ApplicationScoped
public class JdbcMetricHistory implements MetricHistory {
    static final short RAW = 0;
    static final short MINUTE = 1;
    private static final String COLUMNS = "server_id, at, cpu_cores, cpu_percent, memory_total, memory_used,"
            + " disk_total, disk_used, network_rx, network_tx, load1, load5, load15";

    @Resource(lookup = "jdbc/quarterdeck")
    DataSource dataSource;

    public JdbcMetricHistory() {
    }

    /** For tests outside a container. */
    public JdbcMetricHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void append(HostSample s) {
        try (Connection c = dataSource.getConnection()) {
            insert(c, List.of(s), RAW);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a host sample: SQLState " + e.getSQLState(), e);
        }
    }

    private static void insert(Connection c, List<HostSample> samples, short resolution) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO host_samples (resolution, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (HostSample s : samples) {
                p.setShort(1, resolution);
                p.setString(2, s.serverId());
                p.setObject(3, OffsetDateTime.ofInstant(s.at(), ZoneOffset.UTC));
                p.setInt(4, s.cpuCores());
                p.setDouble(5, s.cpuPercent());
                p.setLong(6, s.memoryTotalBytes());
                p.setLong(7, s.memoryUsedBytes());
                p.setLong(8, s.diskTotalBytes());
                p.setLong(9, s.diskUsedBytes());
                p.setDouble(10, s.networkRxBytesPerSecond());
                p.setDouble(11, s.networkTxBytesPerSecond());
                p.setDouble(12, s.load1());
                p.setDouble(13, s.load5());
                p.setDouble(14, s.load15());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    @Override
    public Optional<HostSample> latest(String serverId) {
        List<HostSample> one = newest(serverId, 1);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    @Override
    public List<HostSample> newest(String serverId, int limit) {
        return query("SELECT " + COLUMNS + " FROM host_samples WHERE server_id = ? ORDER BY at DESC LIMIT ?",
                serverId, limit);
    }

    @Override
    public List<HostSample> range(String serverId, Instant from, Instant to, int max) {
        return query("SELECT " + COLUMNS + " FROM host_samples WHERE server_id = ? AND at >= ? AND at <= ?"
                + " ORDER BY at LIMIT ?", serverId, time(from), time(to), max);
    }

    @Override
    public HostAggregate aggregate(String serverId, Instant from, Instant to, long rawSampleSeconds) {
        String weight = "(case when resolution = " + RAW + " then " + rawSampleSeconds + " else 60 end)";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("SELECT count(*),"
                + " avg(cpu_percent),"
                + " avg(case when memory_total > 0 then 100.0 * memory_used / memory_total end),"
                + " avg(case when disk_total > 0 then 100.0 * disk_used / disk_total end),"
                + " sum(network_rx * " + weight + "), sum(network_tx * " + weight + ")"
                + " FROM host_samples WHERE server_id = ? AND at >= ? AND at <= ?")) {
            p.setString(1, serverId);
            p.setObject(2, time(from));
            p.setObject(3, time(to));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return new HostAggregate(rs.getLong(1), nullable(rs, 2), nullable(rs, 3), nullable(rs, 4),
                        nullable(rs, 5), nullable(rs, 6));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot aggregate host samples: SQLState " + e.getSQLState(), e);
        }
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public List<HostSample> rawBefore(Instant before, int max) {
        return query("SELECT " + COLUMNS + " FROM host_samples WHERE resolution = " + RAW + " AND at < ?"
                + " ORDER BY at LIMIT ?", time(before), max);
    }

    @Override
    public void replaceRawWithAverages(Instant before, List<HostSample> minuteAverages) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement p = c.prepareStatement(
                        "DELETE FROM host_samples WHERE resolution = " + RAW + " AND at < ?")) {
                    p.setObject(1, time(before));
                    p.executeUpdate();
                }
                insert(c, minuteAverages, MINUTE);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot downsample host samples: SQLState " + e.getSQLState(), e);
        }
    }

    @Override
    public long deleteAveragesOlderThan(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "DELETE FROM host_samples WHERE resolution = " + MINUTE + " AND at < ?")) {
            p.setObject(1, time(cutoff));
            return p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot expire host samples: SQLState " + e.getSQLState(), e);
        }
    }

    @Override
    public List<String> servers() {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT DISTINCT server_id FROM host_samples ORDER BY server_id"); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list servers with samples: SQLState " + e.getSQLState(), e);
        }
    }

    private static OffsetDateTime time(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private List<HostSample> query(String sql, Object... args) {
        List<HostSample> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new HostSample(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getInt(3), rs.getDouble(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            rs.getDouble(9), rs.getDouble(10), rs.getDouble(11), rs.getDouble(12), rs.getDouble(13)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read host samples: SQLState " + e.getSQLState(), e);
        }
    }
}

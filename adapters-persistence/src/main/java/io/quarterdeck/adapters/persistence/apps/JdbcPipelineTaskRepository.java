package io.quarterdeck.adapters.persistence.apps;

import io.quarterdeck.application.port.out.apps.PipelineTaskRepository;
import io.quarterdeck.application.port.out.apps.ResultPage;
import io.quarterdeck.domain.apps.PipelineTask;
import io.quarterdeck.domain.apps.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Pipeline tasks in {@code pipeline_tasks}; durations kept in milliseconds so aggregates are plain SQL. */
@ApplicationScoped
public class JdbcPipelineTaskRepository implements PipelineTaskRepository {
    private static final String COLUMNS = "task_id, document_type, stage, status, errors, retry_count, created_at,"
            + " started_at, finished_at, updated_at";
    private final EntityManager em;
    private final DataSource ds;

    @Inject
    public JdbcPipelineTaskRepository(EntityManager em, DataSource ds) {
        this.em = em;
        this.ds = ds;
    }

    /** For CDI proxies only. */
    protected JdbcPipelineTaskRepository() {
        this(null, null);
    }

    @Override
    public Optional<PipelineTask> upsert(PipelineTask t) {
        return Sql.on(em, ds, c -> {
            Optional<PipelineTask> before = one(c, t.taskId(), " for update");
            String sql = before.isPresent()
                    ? "update pipeline_tasks set document_type = ?, stage = ?, status = ?, errors = ?, retry_count = ?,"
                            + " created_at = ?, started_at = ?, finished_at = ?, duration_ms = ?, updated_at = ?"
                            + " where task_id = ?"
                    : "insert into pipeline_tasks (document_type, stage, status, errors, retry_count, created_at,"
                            + " started_at, finished_at, duration_ms, updated_at, task_id)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, Arrays.asList(t.documentType(), t.stage(), t.status().name(),
                        Sql.writeStrings(t.errors()), t.retryCount(), t.createdAt(), t.startedAt(), t.finishedAt(),
                        t.duration() == null ? null : t.duration().toMillis(), t.updatedAt(), t.taskId()));
                ps.executeUpdate();
            }
            return before;
        });
    }

    @Override
    public Optional<PipelineTask> find(String taskId) {
        return Sql.on(em, ds, c -> one(c, taskId, ""));
    }

    private static Optional<PipelineTask> one(Connection c, String id, String suffix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from pipeline_tasks where task_id = ?"
                + suffix)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public ResultPage<PipelineTask> search(Query q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.documentType() != null) {
            where.append(" and document_type = ?");
            params.add(q.documentType());
        }
        if (q.status() != null) {
            where.append(" and status = ?");
            params.add(q.status().name());
        }
        if (q.stage() != null) {
            where.append(" and stage = ?");
            params.add(q.stage());
        }
        return Sql.on(em, ds, c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from pipeline_tasks" + where)) {
                Sql.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Object> all = new ArrayList<>(params);
            all.add(q.perPage());
            all.add((long) (q.page() - 1) * q.perPage());
            return new ResultPage<>(list(c, "select " + COLUMNS + " from pipeline_tasks" + where
                    + " order by updated_at desc, task_id limit ? offset ?", all), total, q.page(), q.perPage());
        });
    }

    private static List<PipelineTask> list(Connection c, String sql, List<Object> params) throws SQLException {
        List<PipelineTask> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(read(rs));
                }
            }
        }
        return items;
    }

    @Override
    public List<Throughput> throughput(Instant from, Instant to) {
        return Sql.on(em, ds, c -> {
            List<Throughput> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select document_type, count(*),"
                    + " sum(case when status = 'COMPLETED' then 1 else 0 end),"
                    + " sum(case when status = 'FAILED' then 1 else 0 end), avg(duration_ms)"
                    + " from pipeline_tasks where created_at >= ? and created_at < ?"
                    + " group by document_type order by document_type")) {
                Sql.bind(ps, List.of(from, to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double avg = rs.getDouble(5);
                        out.add(new Throughput(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.wasNull() ? null : Math.round(avg / 100.0) / 10.0));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<TypeErrors> errors(Instant from, Instant to, int perType) {
        return Sql.on(em, ds, c -> {
            List<TypeErrors> out = new ArrayList<>();
            List<String[]> counts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select document_type, count(*) from pipeline_tasks"
                    + " where status = 'FAILED' and updated_at >= ? and updated_at < ?"
                    + " group by document_type order by count(*) desc, document_type limit 100")) {
                Sql.bind(ps, List.of(from, to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.add(new String[] {rs.getString(1), Long.toString(rs.getLong(2))});
                    }
                }
            }
            for (String[] row : counts) {
                out.add(new TypeErrors(row[0], Long.parseLong(row[1]), list(c, "select " + COLUMNS
                        + " from pipeline_tasks where status = 'FAILED' and document_type = ? and updated_at >= ?"
                        + " and updated_at < ? order by updated_at desc, task_id limit ?",
                        List.of(row[0], from, to, perType))));
            }
            return out;
        });
    }

    private static PipelineTask read(ResultSet rs) throws SQLException {
        return new PipelineTask(rs.getString("task_id"), rs.getString("document_type"), rs.getString("stage"),
                TaskStatus.valueOf(rs.getString("status")), Sql.readStrings(rs.getString("errors")),
                rs.getInt("retry_count"), Sql.instant(rs, "created_at"), Sql.instant(rs, "started_at"),
                Sql.instant(rs, "finished_at"), Sql.instant(rs, "updated_at"));
    }
}

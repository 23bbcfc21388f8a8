package io.quarterdeck.adapters.persistence.apps;

import io.quarterdeck.application.port.out.apps.FunctionLogRepository;
import io.quarterdeck.application.port.out.apps.ResultPage;
import io.quarterdeck.domain.apps.FunctionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/** Function logs in {@code function_logs}; a log whose id is stored already is not stored again. */
@ApplicationScoped
public class JdbcFunctionLogRepository implements FunctionLogRepository {
    private static final String COLUMNS = "id, app, function_name, runtime, task_size, solved, failed,"
            + " duration_seconds, logged_at";
    private final EntityManager em;
    private final DataSource ds;

    @Inject
    public JdbcFunctionLogRepository(EntityManager em, DataSource ds) {
        this.em = em;
        this.ds = ds;
    }

    /** For CDI proxies only. */
    protected JdbcFunctionLogRepository() {
        this(null, null);
    }

    @Override
    public boolean insertIfAbsent(FunctionLog l) {
        return Sql.on(em, ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into function_logs (" + COLUMNS + ")"
                    + " select ?, ?, ?, ?, ?, ?, ?, ?, ? from (values (1)) as one (x)"
                    + " where not exists (select 1 from function_logs where id = ?)")) {
                Sql.bind(ps, Arrays.asList(l.id(), l.app(), l.functionName(), l.runtime(), l.taskSize(), l.solved(),
                        l.failed(), l.durationSeconds(), l.loggedAt(), l.id()));
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static void where(StringBuilder where, List<Object> params, String app, String fn, Instant from,
                              Instant to) {
        if (app != null) {
            where.append(" and app = ?");
            params.add(app);
        }
        if (fn != null) {
            where.append(" and function_name = ?");
            params.add(fn);
        }
        if (from != null) {
            where.append(" and logged_at >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" and logged_at < ?");
            params.add(to);
        }
    }

    @Override
    public ResultPage<FunctionLog> search(Query q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        where(where, params, q.app(), q.functionName(), q.from(), q.to());
        return Sql.on(em, ds, c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from function_logs" + where)) {
                Sql.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Object> all = new ArrayList<>(params);
            all.add(q.perPage());
            all.add((long) (q.page() - 1) * q.perPage());
            return new ResultPage<>(list(c, "select " + COLUMNS + " from function_logs" + where
                    + " order by logged_at desc, id limit ? offset ?", all), total, q.page(), q.perPage());
        });
    }

    @Override
    public List<FunctionStats> slowest(int n, Instant from, Instant to) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        where(where, params, null, null, from, to);
        params.add(n);
        return Sql.on(em, ds, c -> {
            List<FunctionStats> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select function_name, app, avg(duration_seconds),"
                    + " max(duration_seconds), avg(cast(task_size as double precision)), count(*) from function_logs"
                    + where + " group by function_name, app order by avg(duration_seconds) desc, function_name, app"
                    + " limit ?")) {
                Sql.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new FunctionStats(rs.getString(1), rs.getString(2), round(rs.getDouble(3)),
                                round(rs.getDouble(4)), round(rs.getDouble(5)), rs.getLong(6)));
                    }
                }
            }
            return out;
        });
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @Override
    public List<FunctionLog> between(String app, String functionName, Instant from, Instant to, int max) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        where(where, params, app, functionName, from, to);
        params.add(max);
        return Sql.on(em, ds, c -> list(c, "select " + COLUMNS + " from function_logs" + where
                + " order by logged_at, id limit ?", params));
    }

    private static List<FunctionLog> list(java.sql.Connection c, String sql, List<Object> params) throws SQLException {
        List<FunctionLog> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new FunctionLog(rs.getString("id"), rs.getString("app"), rs.getString("function_name"),
                            rs.getString("runtime"), rs.getLong("task_size"), rs.getLong("solved"),
                            rs.getLong("failed"), rs.getDouble("duration_seconds"), Sql.instant(rs, "logged_at")));
                }
            }
        }
        return items;
    }
}

package io.quarterdeck.adapters.persistence.apps;

import io.quarterdeck.application.port.out.apps.ResultPage;
import io.quarterdeck.application.port.out.apps.RuntimeRepository;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.RuntimeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Runtimes in {@code app_runtimes}. */
@ApplicationScoped
public class JdbcRuntimeRepository implements RuntimeRepository {
    static final String COLUMNS = "runtime, app, started, ended, status, records_total, records_solved, records_failed";
    private final EntityManager em;
    private final DataSource ds;

    @Inject
    public JdbcRuntimeRepository(EntityManager em, DataSource ds) {
        this.em = em;
        this.ds = ds;
    }

    /** For CDI proxies only. */
    protected JdbcRuntimeRepository() {
        this(null, null);
    }

    @Override
    public Optional<AppRuntime> upsert(AppRuntime r) {
        return Sql.on(em, ds, c -> {
            Optional<AppRuntime> before = one(c, r.runtime(), " for update");
            String sql = before.isPresent()
                    ? "update app_runtimes set app = ?, started = ?, ended = ?, status = ?, records_total = ?,"
                            + " records_solved = ?, records_failed = ? where runtime = ?"
                    : "insert into app_runtimes (app, started, ended, status, records_total, records_solved,"
                            + " records_failed, runtime) values (?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, java.util.Arrays.asList(r.app(), r.started(), r.ended(),
                        r.status().name(), r.recordsTotal(), r.recordsSolved(), r.recordsFailed(), r.runtime()));
                ps.executeUpdate();
            }
            return before;
        });
    }

    @Override
    public Optional<AppRuntime> find(String runtime) {
        return Sql.on(em, ds, c -> one(c, runtime, ""));
    }

    private static Optional<AppRuntime> one(java.sql.Connection c, String runtime, String suffix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from app_runtimes where runtime = ?"
                + suffix)) {
            ps.setString(1, runtime);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public ResultPage<AppRuntime> search(Query q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.app() != null) {
            where.append(" and app = ?");
            params.add(q.app());
        }
        if (q.status() != null) {
            where.append(" and status = ?");
            params.add(q.status().name());
        }
        if (q.from() != null) {
            where.append(" and started >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            where.append(" and started < ?");
            params.add(q.to());
        }
        return Sql.on(em, ds, c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from app_runtimes" + where)) {
                Sql.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AppRuntime> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from app_runtimes" + where
                    + " order by started desc, runtime desc limit ? offset ?")) {
                List<Object> all = new ArrayList<>(params);
                all.add(q.perPage());
                all.add((long) (q.page() - 1) * q.perPage());
                Sql.bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
            }
            return new ResultPage<>(items, total, q.page(), q.perPage());
        });
    }

    static AppRuntime read(ResultSet rs) throws SQLException {
        return new AppRuntime(rs.getString("runtime"), rs.getString("app"), Sql.instant(rs, "started"),
                Sql.instant(rs, "ended"), RuntimeStatus.valueOf(rs.getString("status")), rs.getLong("records_total"),
                rs.getLong("records_solved"), rs.getLong("records_failed"));
    }
}

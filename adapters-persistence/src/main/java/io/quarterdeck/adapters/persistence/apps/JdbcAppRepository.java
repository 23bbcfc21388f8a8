package io.quarterdeck.adapters.persistence.apps;

import io.quarterdeck.adapters.persistence.support.DatabaseProduct;
import io.quarterdeck.adapters.persistence.support.UniqueViolation;
import io.quarterdeck.application.port.out.apps.AppAlreadyExistsException;
import io.quarterdeck.application.port.out.apps.AppFilter;
import io.quarterdeck.application.port.out.apps.AppRepository;
import io.quarterdeck.application.port.out.apps.AppSummary;
import io.quarterdeck.application.port.out.apps.ResultPage;
import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppQuery;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.CommandFlag;
import io.quarterdeck.domain.apps.FatalFlag;
import io.quarterdeck.domain.apps.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Apps in {@code apps}; the list joins each app's latest runtime from {@code app_runtimes}. */
@ApplicationScoped
public class JdbcAppRepository implements AppRepository {
    private static final String COLUMNS = "app, app_group, parent, run_status, command_flag, fatal_flag, disabled,"
            + " next_run, schedule, settings, progress_current, progress_total, registered_at, updated_at";
    private final EntityManager em;
    private final DataSource ds;
    private final DatabaseProduct product = new DatabaseProduct();

    @Inject
    public JdbcAppRepository(EntityManager em, DataSource ds) {
        this.em = em;
        this.ds = ds;
    }

    /** For CDI proxies only. */
    protected JdbcAppRepository() {
        this(null, null);
    }

    @Override
    public Optional<App> find(String app) {
        return one(app, "");
    }

    @Override
    public Optional<App> lock(String app) {
        return one(app, " for update");
    }

    private Optional<App> one(String app, String suffix) {
        return Sql.on(em, ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from apps where app = ?" + suffix)) {
                ps.setString(1, app);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void insert(App a) {
        try {
            Sql.on(em, ds, c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into apps (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, a.app());
                    int i = bindState(ps, a, 2);
                    ps.setObject(i++, Sql.time(a.registeredAt()));
                    ps.setObject(i, Sql.time(a.updatedAt()));
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw new AppAlreadyExistsException(a.app(), e);
            }
            throw e;
        }
    }

    @Override
    public Map<String, App> lockAll(Collection<String> names) {
        Map<String, App> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        List<String> sorted = names.stream().sorted().toList(); // one lock order for every batch: no deadlock
        return Sql.on(em, ds, c -> {
            if (product.postgres(c)) {
                // one statement text for any number of names: prepared once on the server, not parsed per batch size
                try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                        + " from apps where app = any(?) order by app for update")) {
                    ps.setArray(1, c.createArrayOf("text", sorted.toArray(new String[0])));
                    readInto(ps, out);
                }
                return out;
            }
            for (int from = 0; from < sorted.size(); from += 500) {
                List<String> part = sorted.subList(from, Math.min(sorted.size(), from + 500));
                String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from apps where app in ("
                        + marks + ") order by app for update")) {
                    Sql.bind(ps, new ArrayList<>(part));
                    readInto(ps, out);
                }
            }
            return out;
        });
    }

    private static void readInto(PreparedStatement ps, Map<String, App> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                App a = read(rs);
                out.put(a.app(), a);
            }
        }
    }

    @Override
    public void insertAll(Collection<App> apps) {
        if (apps.isEmpty()) {
            return;
        }
        try {
            Sql.on(em, ds, c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into apps (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (App a : apps) {
                        ps.setString(1, a.app());
                        int i = bindState(ps, a, 2);
                        ps.setObject(i++, Sql.time(a.registeredAt()));
                        ps.setObject(i, Sql.time(a.updatedAt()));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw new AppAlreadyExistsException(apps.iterator().next().app(), e);
            }
            throw e;
        }
    }

    @Override
    public void updateAll(Collection<App> apps) {
        if (apps.isEmpty()) {
            return;
        }
        Sql.on(em, ds, c -> {
            if (product.postgres(c)) {
                return new int[] {updateAllAtOnce(c, apps)};
            }
            try (PreparedStatement ps = c.prepareStatement("update apps set app_group = ?, parent = ?, run_status = ?,"
                    + " command_flag = ?, fatal_flag = ?, disabled = ?, next_run = ?, schedule = ?, settings = ?,"
                    + " progress_current = ?, progress_total = ?, updated_at = ? where app = ?")) {
                for (App a : apps) {
                    int i = bindState(ps, a, 1);
                    ps.setObject(i++, Sql.time(a.updatedAt()));
                    ps.setString(i, a.app());
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    /** The columns {@link #updateAllAtOnce} writes, with their types, in the order of {@link #stateText}. */
    private static final String[][] UNNEST = {{"app", "text"}, {"app_group", "text"}, {"parent", "text"},
        {"run_status", "text"}, {"command_flag", "text"}, {"fatal_flag", "text"}, {"disabled", "boolean"},
        {"next_run", "timestamptz"}, {"schedule", "text"}, {"settings", "text"}, {"progress_current", "bigint"},
        {"progress_total", "bigint"}, {"updated_at", "timestamptz"}};
    private static final String UPDATE_FROM_UNNEST = "update apps a set "
            + java.util.Arrays.stream(UNNEST).skip(1).map(col -> col[0] + " = v." + col[0])
                    .collect(java.util.stream.Collectors.joining(", "))
            + " from unnest(" + java.util.Arrays.stream(UNNEST).map(col -> "?::" + col[1] + "[]")
                    .collect(java.util.stream.Collectors.joining(", "))
            + ") as v(" + java.util.Arrays.stream(UNNEST).map(col -> col[0])
                    .collect(java.util.stream.Collectors.joining(", "))
            + ") where a.app = v.app";

    /**
     * PostgreSQL: every changed app in one {@code UPDATE ... FROM unnest(arrays)}, one array per column (as text, cast
     * in SQL). A report batch changes up to a few hundred apps; as one statement PostgreSQL plans and starts its
     * executor once instead of once per row (ADR 0014).
     */
    private static int updateAllAtOnce(Connection c, Collection<App> apps) throws SQLException {
        String[][] columns = new String[UNNEST.length][apps.size()];
        int row = 0;
        for (App a : apps) {
            String[] values = stateText(a);
            for (int col = 0; col < values.length; col++) {
                columns[col][row] = values[col];
            }
            row++;
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE_FROM_UNNEST)) {
            for (int col = 0; col < columns.length; col++) {
                ps.setArray(col + 1, c.createArrayOf("text", columns[col]));
            }
            return ps.executeUpdate();
        }
    }

    /** An app's row as text, in {@link #UNNEST}'s order; times in ISO-8601 UTC, which PostgreSQL reads as timestamptz. */
    private static String[] stateText(App a) {
        return new String[] {a.app(), a.group(), a.parent(), a.runStatus().name(), a.commandFlag().name(),
            a.fatalFlag().name(), Boolean.toString(a.disabled()), java.util.Objects.toString(a.nextRun(), null),
            a.schedule(), Sql.writeObject(a.settings()), Long.toString(a.progress().current()),
            Long.toString(a.progress().total()), java.util.Objects.toString(a.updatedAt(), null)};
    }

    private static int bindState(PreparedStatement ps, App a, int i) throws SQLException {
        ps.setString(i++, a.group());
        ps.setString(i++, a.parent());
        ps.setString(i++, a.runStatus().name());
        ps.setString(i++, a.commandFlag().name());
        ps.setString(i++, a.fatalFlag().name());
        ps.setBoolean(i++, a.disabled());
        ps.setObject(i++, Sql.time(a.nextRun()));
        ps.setString(i++, a.schedule());
        ps.setString(i++, Sql.writeObject(a.settings()));
        ps.setLong(i++, a.progress().current());
        ps.setLong(i++, a.progress().total());
        return i;
    }

    @Override
    public ResultPage<AppSummary> search(AppQuery q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.group() != null) {
            where.append(" and app_group = ?");
            params.add(q.group());
        }
        if (q.parent() != null) {
            where.append(" and parent = ?");
            params.add(q.parent());
        }
        if (q.appGlob() != null) {
            where.append(" and app like ? escape '!'");
            params.add(Sql.glob(q.appGlob()));
        }
        if (q.runStatus() != null) {
            where.append(" and run_status = ?");
            params.add(q.runStatus().name());
        }
        if (q.fatal() != null) {
            where.append(q.fatal() ? " and fatal_flag = 'FATAL'" : " and fatal_flag <> 'FATAL'");
        }
        if (q.disabled() != null) {
            where.append(" and disabled = ?");
            params.add(q.disabled());
        }
        if (q.search() != null && !q.search().isBlank()) {
            where.append(" and (lower(app) like ? escape '!' or lower(app_group) like ? escape '!'"
                    + " or lower(parent) like ? escape '!')");
            String p = Sql.contains(q.search().strip());
            params.add(p);
            params.add(p);
            params.add(p);
        }
        String column = switch (q.sort()) {
            case APP -> "app";
            case GROUP -> "app_group";
            case RUN_STATUS -> "run_status";
            case NEXT_RUN -> "next_run";
            case UPDATED_AT -> "updated_at";
        };
        String order = " order by " + column + (q.descending() ? " desc" : "") + ", app";
        return Sql.on(em, ds, c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from apps" + where)) {
                Sql.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<App> apps = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from apps" + where + order
                    + " limit ? offset ?")) {
                List<Object> all = new ArrayList<>(params);
                all.add(q.perPage());
                all.add(q.offset());
                Sql.bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        apps.add(read(rs));
                    }
                }
            }
            Map<String, AppRuntime> last = latestRuntimes(c, apps.stream().map(App::app).toList());
            return new ResultPage<>(apps.stream().map(a -> new AppSummary(a, last.get(a.app()))).toList(), total,
                    q.page(), q.perPage());
        });
    }

    private static Map<String, AppRuntime> latestRuntimes(Connection c, List<String> apps) throws SQLException {
        Map<String, AppRuntime> out = new HashMap<>();
        if (apps.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(apps.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("select " + JdbcRuntimeRepository.COLUMNS
                + " from app_runtimes r where r.app in (" + marks + ") and r.started = (select max(r2.started)"
                + " from app_runtimes r2 where r2.app = r.app)")) {
            Sql.bind(ps, new ArrayList<>(apps));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AppRuntime r = JdbcRuntimeRepository.read(rs);
                    out.merge(r.app(), r, (x, y) -> x.runtime().compareTo(y.runtime()) >= 0 ? x : y);
                }
            }
        }
        return out;
    }

    @Override
    public List<App> lockMatching(AppFilter f, int max) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.group() != null) {
            where.append(" and app_group = ?");
            params.add(f.group());
        }
        if (f.parent() != null) {
            where.append(" and parent = ?");
            params.add(f.parent());
        }
        if (f.appGlob() != null) {
            where.append(" and app like ? escape '!'");
            params.add(Sql.glob(f.appGlob()));
        }
        if (f.status() != null) {
            where.append(" and run_status = ?");
            params.add(f.status().name());
        }
        params.add(max);
        return Sql.on(em, ds, c -> {
            List<App> apps = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from apps" + where
                    + " order by app limit ? for update")) {
                Sql.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        apps.add(read(rs));
                    }
                }
            }
            return apps;
        });
    }

    private static App read(ResultSet rs) throws SQLException {
        return App.restore(rs.getString("app"), rs.getString("app_group"), rs.getString("parent"),
                RunStatus.valueOf(rs.getString("run_status")), CommandFlag.valueOf(rs.getString("command_flag")),
                FatalFlag.valueOf(rs.getString("fatal_flag")), rs.getBoolean("disabled"), Sql.instant(rs, "next_run"),
                rs.getString("schedule"), Sql.readObject(rs.getString("settings")),
                new App.Progress(rs.getLong("progress_current"), rs.getLong("progress_total")),
                Sql.instant(rs, "registered_at"), Sql.instant(rs, "updated_at"));
    }
}

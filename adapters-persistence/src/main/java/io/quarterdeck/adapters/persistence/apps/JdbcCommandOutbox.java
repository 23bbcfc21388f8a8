package io.quarterdeck.adapters.persistence.apps;

import io.quarterdeck.application.port.out.apps.CommandOutbox;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.CommandType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The command outbox in {@code command_outbox}: the identity column orders commands. Pending ones are locked (plain
 * {@code FOR UPDATE}, not {@code SKIP LOCKED}): a second relay (another instance) waits for the first to commit and
 * then takes the next commands, so commands of one app are never published out of order by two relays at once.
 */
@ApplicationScoped
public class JdbcCommandOutbox implements CommandOutbox {
    private static final String COLUMNS = "sequence, id, app, app_group, command, actor, issued_at, sent_at";
    private final EntityManager em;
    private final DataSource ds;

    @Inject
    public JdbcCommandOutbox(EntityManager em, DataSource ds) {
        this.em = em;
        this.ds = ds;
    }

    /** For CDI proxies only. */
    protected JdbcCommandOutbox() {
        this(null, null);
    }

    @Override
    public List<Command> append(List<Command> commands) {
        if (commands.isEmpty()) {
            return List.of();
        }
        return Sql.on(em, ds, c -> {
            List<Command> out = new ArrayList<>(commands.size());
            try (PreparedStatement ps = c.prepareStatement("insert into command_outbox (id, app, app_group, command,"
                    + " actor, issued_at) values (?, ?, ?, ?, ?, ?)", new String[] {"sequence"})) {
                for (Command cmd : commands) {
                    ps.setString(1, cmd.id());
                    ps.setString(2, cmd.app());
                    ps.setString(3, cmd.group());
                    ps.setString(4, cmd.type().name());
                    ps.setString(5, cmd.actor());
                    ps.setObject(6, Sql.time(cmd.issuedAt()));
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (Command cmd : commands) {
                        if (!keys.next()) {
                            throw new SQLException("the database returned fewer sequence numbers than commands");
                        }
                        out.add(new Command(cmd.id(), keys.getLong(1), cmd.app(), cmd.group(), cmd.type(),
                                cmd.actor(), cmd.issuedAt(), null));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Command> lockPending(int max) {
        return Sql.on(em, ds, c -> list(c, "select " + COLUMNS + " from command_outbox where sent_at is null"
                + " order by sequence limit ? for update", List.of(max)));
    }

    @Override
    public void markSent(Collection<String> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        Sql.on(em, ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("update command_outbox set sent_at = ? where id = ?")) {
                for (String id : ids) {
                    ps.setObject(1, Sql.time(at));
                    ps.setString(2, id);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    @Override
    public List<Command> list(String app, Boolean sent, long afterSequence, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from command_outbox where sequence > ?");
        List<Object> params = new ArrayList<>();
        params.add(afterSequence);
        if (app != null) {
            sql.append(" and app = ?");
            params.add(app);
        }
        if (sent != null) {
            sql.append(sent ? " and sent_at is not null" : " and sent_at is null");
        }
        sql.append(" order by sequence limit ?");
        params.add(limit);
        return Sql.on(em, ds, c -> list(c, sql.toString(), params));
    }

    @Override
    public long countPending() {
        return Sql.on(em, ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from command_outbox where sent_at is null");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<Command> list(java.sql.Connection c, String sql, List<Object> params) throws SQLException {
        List<Command> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Command(rs.getString("id"), rs.getLong("sequence"), rs.getString("app"),
                            rs.getString("app_group"), CommandType.valueOf(rs.getString("command")),
                            rs.getString("actor"), Sql.instant(rs, "issued_at"), Sql.instant(rs, "sent_at")));
                }
            }
        }
        return out;
    }
}

package io.quarterdeck.adapters.persistence.identity;

import io.quarterdeck.domain.identity.AuditPage;
import io.quarterdeck.application.port.out.identity.AuditLog;
import io.quarterdeck.domain.identity.AuditQuery;
import io.quarterdeck.domain.identity.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;

/** The audit log in {@code audit_events}: inserts and reads only. */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {
    private final EntityManager em;

    @Inject
    public JpaAuditLog(EntityManager em) {
        this.em = em;
    }

    /** For CDI proxies only. */
    protected JpaAuditLog() {
        this.em = null;
    }

    @Override
    public void append(AuditRecord r) {
        AuditEventJpaEntity e = new AuditEventJpaEntity();
        e.at = r.at();
        e.actor = r.actor();
        e.role = r.role();
        e.ip = r.ip();
        e.requestId = r.requestId();
        e.method = r.method();
        e.path = r.path();
        e.action = r.action();
        e.summary = r.summary();
        e.outcome = r.outcome();
        em.persist(e);
    }

    @Override
    public AuditPage query(AuditQuery q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object[]> params = new ArrayList<>();
        if (q.actor() != null) {
            where.append(" and a.actor = :actor");
            params.add(new Object[] {"actor", q.actor()});
        }
        if (q.action() != null) {
            where.append(" and a.action like :action escape '!'");
            params.add(new Object[] {"action", q.action().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"});
        }
        if (q.from() != null) {
            where.append(" and a.at >= :from");
            params.add(new Object[] {"from", q.from()});
        }
        if (q.to() != null) {
            where.append(" and a.at <= :to");
            params.add(new Object[] {"to", q.to()});
        }
        TypedQuery<AuditEventJpaEntity> select = em.createQuery(
                "select a from AuditEventJpaEntity a" + where + " order by a.at desc, a.id desc", AuditEventJpaEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from AuditEventJpaEntity a" + where, Long.class);
        for (Object[] p : params) {
            select.setParameter((String) p[0], p[1]);
            count.setParameter((String) p[0], p[1]);
        }
        List<AuditRecord> items = select.setFirstResult((q.page() - 1) * q.limit()).setMaxResults(q.limit())
                .getResultStream().map(e -> new AuditRecord(e.id, e.at, e.actor, e.role, e.ip, e.requestId, e.method,
                        e.path, e.action, e.summary, e.outcome)).toList();
        return new AuditPage(items, count.getSingleResult());
    }
}

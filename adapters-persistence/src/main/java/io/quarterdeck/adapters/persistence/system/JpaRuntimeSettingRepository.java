package io.quarterdeck.adapters.persistence.system;

import io.quarterdeck.application.port.out.system.RuntimeSettingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runtime settings in {@code runtime_settings}: one row per key, replaced on change. */
@ApplicationScoped
public class JpaRuntimeSettingRepository implements RuntimeSettingRepository {
    private final EntityManager em;

    @Inject
    public JpaRuntimeSettingRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI proxies only. */
    protected JpaRuntimeSettingRepository() {
        this.em = null;
    }

    @Override
    public Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        for (RuntimeSettingJpaEntity e : em.createQuery("select s from RuntimeSettingJpaEntity s order by s.key",
                RuntimeSettingJpaEntity.class).getResultList()) {
            out.put(e.key, e.value);
        }
        return out;
    }

    /** One transaction for the whole change (the use case validated every value before). */
    @Override
    @Transactional
    public void saveAll(Map<String, String> values, String changedBy, Instant at) {
        for (Map.Entry<String, String> v : values.entrySet()) {
            RuntimeSettingJpaEntity e = em.find(RuntimeSettingJpaEntity.class, v.getKey());
            if (e == null) {
                e = new RuntimeSettingJpaEntity();
                e.key = v.getKey();
                e.value = v.getValue();
                e.changedBy = changedBy;
                e.changedAt = at;
                em.persist(e);
            } else {
                e.value = v.getValue();
                e.changedBy = changedBy;
                e.changedAt = at;
            }
        }
    }
}

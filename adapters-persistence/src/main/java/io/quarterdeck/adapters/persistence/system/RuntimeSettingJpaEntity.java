package io.quarterdeck.adapters.persistence.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code runtime_settings}. */
@Entity
@Table(name = "runtime_settings")
public class RuntimeSettingJpaEntity {
    @Id
    @Column(name = "setting_key", length = 200)
    String key;
    @Column(name = "setting_value", nullable = false, length = 1000)
    String value;
    @Column(name = "changed_by", nullable = false, length = 200)
    String changedBy;
    @Column(name = "changed_at", nullable = false)
    Instant changedAt;

    protected RuntimeSettingJpaEntity() {
    }
}

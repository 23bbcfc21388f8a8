package io.quarterdeck.adapters.persistence.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A row of {@code revoked_tokens}: a jti ({@code kind = 'jti'}) or a subject's cut-off ({@code kind = 'subject'}). */
@Entity
@Table(name = "revoked_tokens")
public class RevokedTokenJpaEntity {
    @EmbeddedId
    Key key;
    @Column(name = "not_before")
    Instant notBefore;
    @Column(name = "keep_until", nullable = false)
    Instant keepUntil;

    protected RevokedTokenJpaEntity() {
    }

    RevokedTokenJpaEntity(String kind, String tokenKey, Instant notBefore, Instant keepUntil) {
        this.key = new Key(kind, tokenKey);
        this.notBefore = notBefore;
        this.keepUntil = keepUntil;
    }

    /** The composite primary key. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        @Column(name = "kind", length = 8)
        String kind;
        @Column(name = "token_key", length = 128)
        String tokenKey;

        protected Key() {
        }

        Key(String kind, String tokenKey) {
            this.kind = kind;
            this.tokenKey = tokenKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && kind.equals(k.kind) && tokenKey.equals(k.tokenKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, tokenKey);
        }
    }
}

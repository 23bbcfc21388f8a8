package io.quarterdeck.domain.identity;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/**
 * The one role ladder of every surface, {@code viewer < developer < operator < admin < owner}, plus {@code service}
 * for machine clients, which stands outside the ladder and is allowed by explicit scopes only.
 */
public enum Role {
    VIEWER(1), DEVELOPER(2), OPERATOR(3), ADMIN(4), OWNER(5), SERVICE(0);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    /** True when this role is on the ladder at or above {@code required}; {@code service} includes nothing. */
    public boolean includes(Role required) {
        return rank > 0 && required.rank > 0 && rank >= required.rank;
    }

    /**
     * May a person with this role give {@code target} to someone (invite, promote, demote)? Admins manage everyone
     * below admin; only owners manage admins and owners (API-MAP.md's ladder).
     */
    public boolean mayGrant(Role target) {
        return target.onLadder() && (this == OWNER || (this == ADMIN && target.rank < ADMIN.rank));
    }

    /** On the ladder (a person's role), as opposed to {@code service}. */
    public boolean onLadder() {
        return rank > 0;
    }

    public static Role parse(String field, String value) {
        if (value != null) {
            for (Role r : values()) {
                if (r.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
        }
        throw new InvalidFieldException(field, "must be one of viewer, developer, operator, admin, owner");
    }

    /** A person's role: the ladder only. */
    public static Role parsePersonRole(String field, String value) {
        Role r = parse(field, value);
        if (!r.onLadder()) {
            throw new InvalidFieldException(field, "must be one of viewer, developer, operator, admin, owner");
        }
        return r;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

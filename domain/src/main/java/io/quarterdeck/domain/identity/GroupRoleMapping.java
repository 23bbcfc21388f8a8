package io.quarterdeck.domain.identity;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How an external identity provider's groups map onto the role ladder ({@code sre=operator,platform-admins=admin}):
 * the highest role any of a person's groups maps to wins, and no mapped group means no role at all.
 */
public record GroupRoleMapping(Map<String, Role> roles) {
    public GroupRoleMapping {
        roles = Map.copyOf(roles);
        roles.values().forEach(r -> {
            if (!r.onLadder()) {
                throw new IllegalArgumentException("groups map to roles on the ladder only, not " + r);
            }
        });
    }

    /** {@code group=role,group=role}; blank means no group maps. */
    public static GroupRoleMapping parse(String field, String spec) {
        Map<String, Role> map = new HashMap<>();
        if (spec != null) {
            for (String pair : spec.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                if (kv.length != 2) {
                    throw new InvalidFieldException(field, "expected group=role, got " + pair.trim());
                }
                map.put(kv[0].trim(), Role.parsePersonRole(field, kv[1]));
            }
        }
        return new GroupRoleMapping(map);
    }

    /** The highest role the groups map to; empty when none maps. */
    public Optional<Role> roleFor(Collection<String> groups) {
        Role best = null;
        for (String group : groups) {
            Role mapped = roles.get(group);
            if (mapped != null && (best == null || mapped.includes(best))) {
                best = mapped;
            }
        }
        return Optional.ofNullable(best);
    }
}

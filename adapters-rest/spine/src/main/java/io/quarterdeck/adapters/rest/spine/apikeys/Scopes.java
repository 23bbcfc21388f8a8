package io.quarterdeck.adapters.rest.spine.apikeys;

import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Scope names from a request field. */
public final class Scopes {
    private Scopes() {
    }

    public static Set<Scope> parse(String field, List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidFieldException(field, "must name at least one of read, write, ingest, operate");
        }
        Set<Scope> out = EnumSet.noneOf(Scope.class);
        for (String n : names) {
            out.add(Scope.parse(field, n));
        }
        return out;
    }
}

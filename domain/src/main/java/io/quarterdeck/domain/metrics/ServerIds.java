package io.quarterdeck.domain.metrics;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.regex.Pattern;

/** Server ids in metric paths: 1 to 100 of letters, digits, {@code _ - . :}; a 400 naming the field otherwise. */
public final class ServerIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private ServerIds() {
    }

    public static String check(String field, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidFieldException(field, "must be 1 to 100 letters, digits, _ - . or :");
        }
        return id;
    }
}

package io.quarterdeck.domain.alerting;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.Locale;

/** How an observed value is compared with a rule's threshold. */
public enum Operator {
    GT(">"), GTE(">="), LT("<"), LTE("<="), EQ("==");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double value, double threshold) {
        return switch (this) {
            case GT -> value > threshold;
            case GTE -> value >= threshold;
            case LT -> value < threshold;
            case LTE -> value <= threshold;
            case EQ -> value == threshold;
        };
    }

    /** A symbol ({@code >}, {@code >=} ...) or a name ({@code gt}, {@code gte} ...); else a 400 naming the field. */
    public static Operator parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException(field, "is required (>, >=, <, <=, ==)");
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        for (Operator o : values()) {
            if (o.symbol.equals(s) || o.name().toLowerCase(Locale.ROOT).equals(s)) {
                return o;
            }
        }
        if (s.equals("=")) {
            return EQ;
        }
        throw new InvalidFieldException(field, "must be one of >, >=, <, <=, == (or gt, gte, lt, lte, eq)");
    }
}

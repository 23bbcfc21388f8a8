package io.quarterdeck.adapters.rest.apiv1.apps;

import io.quarterdeck.adapters.rest.spine.security.AuthenticationFilter;
import io.quarterdeck.domain.apps.AppNames;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.Text;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.Locale;

/** Query and path parameters of the apps endpoints, checked once (a bad one is a 400 naming it). */
final class Params {
    private Params() {
    }

    static String optional(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** An optional name filter: printable, at most 128 characters. */
    static String name(String field, String raw) {
        String v = optional(raw);
        if (v == null) {
            return null;
        }
        if (v.length() > AppNames.MAX) {
            throw new InvalidFieldException(field, "must be at most " + AppNames.MAX + " characters");
        }
        return Text.printable(field, v);
    }

    /** A path id: a valid name, or a 400 (never a lookup of a value no store can hold). */
    static String id(String field, String raw) {
        return AppNames.name(field, raw);
    }

    static Boolean bool(String field, String raw) {
        String v = optional(raw);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidFieldException(field, "must be true or false");
        };
    }

    /** {@code 24h}, {@code 7d}, {@code 30m}, or the seed's {@code last_24h}; at most 90 days. */
    static Duration period(String field, String raw, Duration fallback) {
        String v = optional(raw);
        if (v == null) {
            return fallback;
        }
        String s = v.toLowerCase(Locale.ROOT).replaceFirst("^last_", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})([mhd])").matcher(s);
        if (!m.matches()) {
            throw new InvalidFieldException(field, "must be a period such as 30m, 24h, 7d or last_24h");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.isZero() || d.compareTo(Duration.ofDays(90)) > 0) {
            throw new InvalidFieldException(field, "must be more than 0 and at most 90 days");
        }
        return d;
    }

    static String label(Duration d) {
        if (d.toHours() > 48 && d.equals(Duration.ofDays(d.toDays()))) {
            return "last_" + d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return "last_" + d.toHours() + "h";
        }
        return "last_" + d.toMinutes() + "m";
    }

    /** Who acts, as the audit log names them. */
    static String actor(SecurityContext security) {
        Caller c = AuthenticationFilter.callerOf(security);
        return c.kind() == Caller.Kind.API_KEY ? "api-key:" + c.id() : c.name() != null ? c.name() : c.id();
    }
}

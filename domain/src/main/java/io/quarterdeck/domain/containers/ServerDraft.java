package io.quarterdeck.domain.containers;

import io.quarterdeck.domain.shared.FieldTooLargeException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a client gives for a server (to register it or to replace its description), validated: a name of letters,
 * digits, dot, dash and underscore that is not one of the reserved names, a host, an engine endpoint, a description
 * and up to 20 tags.
 */
public record ServerDraft(String name, String host, EngineEndpoint endpoint, String description, List<String> tags) {
    /**
     * Names a server may not take: {@code /api/v1/metrics/dashboards|query|alerts} are 000's literals beside
     * 004's {@code /metrics/{server_id}} (API-MAP), and {@code local} is the local engine's server id.
     */
    public static final Set<String> RESERVED_NAMES = Set.of("dashboards", "query", "alerts", "local");
    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;

    public ServerDraft {
        name = validName(name);
        if (host == null || host.isBlank()) {
            host = endpoint == null ? null : endpoint.host();
        }
        if (host == null || host.isBlank()) {
            throw new InvalidFieldException("host", "is required");
        }
        host = host.strip();
        if (host.length() > 255 || !host.matches("[A-Za-z0-9._:\\-\\[\\]]+")) {
            throw new InvalidFieldException("host", "must be a host name or address");
        }
        Objects.requireNonNull(endpoint, "endpoint");
        description = description == null ? "" : description;
        if (description.length() > MAX_DESCRIPTION) {
            throw new FieldTooLargeException("description", MAX_DESCRIPTION);
        }
        tags = validTags(tags);
    }

    static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException("name", "is required");
        }
        String n = name.strip();
        if (n.length() > MAX_NAME) {
            throw new FieldTooLargeException("name", MAX_NAME);
        }
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9._\\-]*")) {
            throw new InvalidFieldException("name", "may hold letters, digits, '.', '-' and '_', starting with a"
                    + " letter or digit");
        }
        if (RESERVED_NAMES.contains(n.toLowerCase(Locale.ROOT))) {
            throw new InvalidFieldException("name", "'" + n + "' is reserved (dashboards, query, alerts, local)");
        }
        return n;
    }

    private static List<String> validTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new FieldTooLargeException("tags", MAX_TAGS);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            if (t == null || t.isBlank()) {
                throw new InvalidFieldException("tags", "a tag may not be empty");
            }
            if (t.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidFieldException("tags", "a tag may not hold control characters");
            }
            if (t.strip().length() > MAX_TAG) {
                throw new FieldTooLargeException("tags", MAX_TAG);
            }
            out.add(t.strip());
        }
        return List.copyOf(out);
    }
}

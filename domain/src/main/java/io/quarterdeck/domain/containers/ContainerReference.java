package io.quarterdeck.domain.containers;

import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;

/**
 * How a client names a container: its id (full or a prefix) or its name, as the Docker Engine accepts them. A
 * reference that cannot name any container (empty, too long, characters Docker never uses in ids or names) is not
 * found rather than sent to the engine.
 */
public final class ContainerReference {
    private static final int MAX = 128;

    private ContainerReference() {
    }

    /** The reference, or a {@link NotFoundException} naming it (seed 000: {@code details.container_id}). */
    public static String of(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX) {
            throw new NotFoundException("container", raw == null ? "" : raw.substring(0, Math.min(raw.length(), MAX)));
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.' || c == '-';
            if (!ok || (i == 0 && !Character.isLetterOrDigit(c))) {
                throw new NotFoundException("container", raw);
            }
        }
        return raw;
    }

    /** The {@code lines} of a log request: 1 to 10,000. */
    public static int lines(int requested) {
        if (requested < 1 || requested > 10_000) {
            throw new InvalidFieldException("lines", "must be between 1 and 10000");
        }
        return requested;
    }
}

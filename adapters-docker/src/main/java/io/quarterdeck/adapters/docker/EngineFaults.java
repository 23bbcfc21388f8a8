package io.quarterdeck.adapters.docker;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.quarterdeck.domain.containers.EngineUnavailableException;
import io.quarterdeck.domain.shared.ConflictException;
import io.quarterdeck.domain.shared.NotFoundException;

/**
 * docker-java's failures turned into the core's, in one place: the engine's 404 is a container not found, its other
 * refusals a conflict with the engine's message; anything that is not an answer of the engine (refused, reset,
 * timed out, unreadable) means the engine is unavailable.
 */
final class EngineFaults {
    private EngineFaults() {
    }

    static RuntimeException translate(RuntimeException e, String server, String container, int retryAfter) {
        if (e instanceof NotModifiedException) {
            return null;
        }
        if (e instanceof com.github.dockerjava.api.exception.NotFoundException) {
            return new NotFoundException("container", container == null ? "" : container);
        }
        if (e instanceof DockerException d) {
            if (d.getHttpStatus() >= 500 && d.getHttpStatus() != 500) {
                return new EngineUnavailableException(server, "the engine answered " + d.getHttpStatus(), retryAfter);
            }
            return new ConflictException("container_id", "The engine refused: " + engineMessage(d));
        }
        if (e instanceof io.quarterdeck.domain.shared.DomainException) {
            return e;
        }
        return new EngineUnavailableException(server, rootCause(e), retryAfter);
    }

    private static String engineMessage(DockerException d) {
        String m = d.getMessage() == null ? "" : d.getMessage();
        int brace = m.indexOf("\"message\":\"");
        if (brace >= 0) {
            int start = brace + 11;
            int end = m.indexOf('"', start);
            m = end > start ? m.substring(start, end) : m.substring(start);
        }
        m = m.replaceAll("[\\r\\n]+", " ").strip();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}

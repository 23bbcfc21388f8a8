package io.quarterdeck.domain.errors;

import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.time.Instant;
import java.util.Objects;

/**
 * One occurrence as the server accepted it: the scrubbed report, the client, the fingerprint that groups it and
 * the time it was received.
 */
public record ErrorEvent(ErrorReport report, ClientInfo client, Fingerprint fingerprint, int groupingVersion,
                         Instant receivedAt) {
    public ErrorEvent {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(receivedAt, "receivedAt");
        client = client == null ? ClientInfo.UNKNOWN : client;
    }
}

package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A command issued to an app: its id (a UUID, the message id managers de-duplicate on), the app and its group (the
 * routing key is built from both), who issued it and when. {@code sequence} orders commands; the store assigns it.
 */
public record Command(String id, long sequence, String app, String group, CommandType type, String actor,
                      Instant issuedAt, Instant sentAt) {
    public Command {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(type, "type");
        actor = Text.line("actor", actor, 200);
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public boolean sent() {
        return sentAt != null;
    }

    /** The AMQP routing key: {@code <group>.<app>}, {@code _} for an app without a group. */
    public String routingKey() {
        return (group == null ? "_" : group) + "." + app;
    }
}

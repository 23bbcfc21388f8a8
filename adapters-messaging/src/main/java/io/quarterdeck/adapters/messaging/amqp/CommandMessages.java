package io.quarterdeck.adapters.messaging.amqp;

import io.quarterdeck.domain.apps.Command;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;

/**
 * Commands as messages, schema {@code quarterdeck.command.v1}: {@code {"version":1,"id","sequence","app","group",
 * "command","actor","issued_at"}}. The message id is the command id, for consumers to de-duplicate on.
 */
final class CommandMessages {
    static final String TYPE = "quarterdeck.command.v1";
    private static final JsonProvider JSON = JsonProvider.provider();

    private CommandMessages() {
    }

    static byte[] body(Command c) {
        var b = JSON.createObjectBuilder().add("version", 1).add("id", c.id()).add("sequence", c.sequence())
                .add("app", c.app());
        if (c.group() == null) {
            b.addNull("group");
        } else {
            b.add("group", c.group());
        }
        return b.add("command", c.type().name()).add("actor", c.actor()).add("issued_at", c.issuedAt().toString())
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }
}

package io.quarterdeck.adapters.rest.apiv1.servers;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.containers.Server;
import java.util.List;

/**
 * A registered server as the API shows it. {@code tls} says whether its engine is reached over TLS; the paths of
 * the TLS material (a private key among them) are never shown.
 */
public record ServerDto(String id, String name, String host, String dockerUrl, boolean tls, String description,
                        List<String> tags, String status, String lastContactAt, String createdAt, String updatedAt) {
    public static ServerDto from(Server s) {
        return new ServerDto(s.id(), s.name(), s.host(), s.endpoint().url(), s.endpoint().usesTls(), s.description(),
                s.tags(), s.status().wireName(), s.lastContactAt() == null ? null : Times.format(s.lastContactAt()),
                Times.format(s.createdAt()), Times.format(s.updatedAt()));
    }
}

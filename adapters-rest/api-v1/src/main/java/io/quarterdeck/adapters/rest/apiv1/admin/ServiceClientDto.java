package io.quarterdeck.adapters.rest.apiv1.admin;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.identity.ServiceClient;
import java.util.List;

/** A service client; {@code client_secret} is set once, in the answer to creation or rotation. */
public record ServiceClientDto(String clientId, String name, List<String> scopes, String clientSecret,
                               String previousSecretValidUntil, String createdAt, boolean disabled) {
    public static ServiceClientDto from(ServiceClient c, String secret) {
        return new ServiceClientDto(c.clientId(), c.name(), c.scopes().stream().map(Scope::wireName).sorted().toList(),
                secret, c.previousValidUntil() == null ? null : Times.format(c.previousValidUntil()),
                Times.format(c.createdAt()), c.disabledAt() != null);
    }
}

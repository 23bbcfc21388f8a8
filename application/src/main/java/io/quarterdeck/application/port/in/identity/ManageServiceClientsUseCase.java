package io.quarterdeck.application.port.in.identity;

import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.identity.ServiceClient;
import java.util.List;
import java.util.Set;

/** Service clients for admins; a secret is shown once, and rotating keeps the previous one valid for a while. */
public interface ManageServiceClientsUseCase {
    List<ServiceClient> list();

    CreatedClient create(String name, Set<Scope> scopes);

    CreatedClient rotateSecret(String clientId);

    void disable(String clientId);

    record CreatedClient(ServiceClient client, String secret) {
    }
}

package io.quarterdeck.application.port.out.identity;

import io.quarterdeck.domain.identity.ServiceClient;
import java.util.List;
import java.util.Optional;

/** Service clients of the client-credentials flow (secret hashes only). */
public interface ServiceClientRepository {
    void insert(ServiceClient client);

    void update(ServiceClient client);

    Optional<ServiceClient> findById(String clientId);

    List<ServiceClient> list();
}

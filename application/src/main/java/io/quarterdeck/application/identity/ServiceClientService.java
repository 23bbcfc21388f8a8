package io.quarterdeck.application.identity;

import io.quarterdeck.application.port.in.identity.IdentitySettings;

import io.quarterdeck.application.port.in.identity.ManageServiceClientsUseCase;
import io.quarterdeck.application.port.out.identity.SecretHasher;
import io.quarterdeck.application.port.out.identity.ServiceClientRepository;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.identity.ServiceClient;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.Text;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Service clients for the client-credentials flow. A new secret is shown once; after a rotation the previous
 * secret keeps working for {@link IdentitySettings#secretRotationOverlap()} so deployments can switch over.
 */
@ApplicationScoped
public class ServiceClientService implements ManageServiceClientsUseCase {
    private final ServiceClientRepository clients;
    private final SecretHasher hasher;
    private final Clock clock;
    private final IdentitySettings settings;

    @Inject
    public ServiceClientService(ServiceClientRepository clients, SecretHasher hasher, Clock clock,
                                IdentitySettings settings) {
        this.clients = clients;
        this.hasher = hasher;
        this.clock = clock;
        this.settings = settings;
    }

    /** For CDI proxies only. */
    protected ServiceClientService() {
        this(null, null, null, null);
    }

    @Override
    @Transactional
    public List<ServiceClient> list() {
        return clients.list();
    }

    @Override
    @Transactional
    public CreatedClient create(String name, Set<Scope> scopes) {
        String n = Text.line("name", name, 200);
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidFieldException("scopes", "must name at least one of read, write, ingest, operate");
        }
        String secret = Secrets.random(48);
        ServiceClient client = new ServiceClient("svc_" + Secrets.random(16), n, scopes, hasher.hash(secret), null,
                null, clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        clients.insert(client);
        return new CreatedClient(client, secret);
    }

    @Override
    @Transactional
    public CreatedClient rotateSecret(String clientId) {
        ServiceClient client = find(clientId);
        String secret = Secrets.random(48);
        Instant until = clock.instant().plus(settings.secretRotationOverlap()).truncatedTo(ChronoUnit.MILLIS);
        ServiceClient rotated = client.rotated(hasher.hash(secret), until);
        clients.update(rotated);
        return new CreatedClient(rotated, secret);
    }

    @Override
    @Transactional
    public void disable(String clientId) {
        ServiceClient client = find(clientId);
        if (client.disabledAt() == null) {
            clients.update(client.disabled(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        }
    }

    private ServiceClient find(String clientId) {
        return (clientId == null ? java.util.Optional.<ServiceClient>empty() : clients.findById(clientId))
                .orElseThrow(() -> new NotFoundException("service_client", String.valueOf(clientId)));
    }
}

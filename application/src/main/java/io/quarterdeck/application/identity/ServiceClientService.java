package io.quarterdeck.application.identity;

import io.quarterdeck.application.port.in.identity.IdentitySettings;

import io.quarterdeck.application.port.in.identity.AuthenticateServiceClientUseCase;
import io.quarterdeck.application.port.in.identity.ManageServiceClientsUseCase;
import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.Caller;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
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
public class ServiceClientService implements ManageServiceClientsUseCase, AuthenticateServiceClientUseCase {
    static final Duration PROOF_TTL = Duration.ofSeconds(60);
    static final int PROOFS_MAX = 10_000;
    private final ConcurrentHashMap<String, Proven> proven = new ConcurrentHashMap<>();

    private record Proven(Caller caller, Instant until) {
    }

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
        proven.clear();
        return new CreatedClient(rotated, secret);
    }

    @Override
    @Transactional
    public void disable(String clientId) {
        ServiceClient client = find(clientId);
        if (client.disabledAt() == null) {
            clients.update(client.disabled(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        }
        proven.clear();
    }

    @Override
    public Caller authenticateClient(String clientId, String secret) {
        if (clientId == null || clientId.isBlank() || clientId.length() > 100 || secret == null || secret.isEmpty()
                || secret.length() > 1000) {
            throw new AuthenticationFailedException("Invalid client credentials", "malformed client credentials");
        }
        Instant now = clock.instant();
        String digest = Secrets.sha256(clientId + "\n" + secret);
        Proven p = proven.get(digest);
        if (p != null && now.isBefore(p.until())) {
            return p.caller();
        }
        ServiceClient client = clients.findById(clientId.strip()).orElseThrow(() -> new AuthenticationFailedException(
                "Invalid client credentials", "unknown client " + clientId));
        boolean ok = hasher.verify(secret, client.secretHash())
                || client.previousValidAt(now) && hasher.verify(secret, client.previousSecretHash());
        if (!ok || client.disabledAt() != null) {
            throw new AuthenticationFailedException("Invalid client credentials",
                    (ok ? "disabled client " : "wrong secret for client ") + client.clientId());
        }
        Caller caller = Caller.service(client.clientId(), client.name(), client.scopes(), null, null);
        if (proven.size() >= PROOFS_MAX) {
            proven.clear();
        }
        proven.put(digest, new Proven(caller, now.plus(PROOF_TTL)));
        return caller;
    }

    private ServiceClient find(String clientId) {
        return (clientId == null ? java.util.Optional.<ServiceClient>empty() : clients.findById(clientId))
                .orElseThrow(() -> new NotFoundException("service_client", String.valueOf(clientId)));
    }
}

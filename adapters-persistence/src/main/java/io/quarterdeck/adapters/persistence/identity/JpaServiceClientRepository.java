package io.quarterdeck.adapters.persistence.identity;

import io.quarterdeck.application.port.out.identity.ServiceClientRepository;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.identity.ServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Service clients in {@code service_clients}; scopes as comma-separated lowercase names. */
@ApplicationScoped
public class JpaServiceClientRepository implements ServiceClientRepository {
    private final EntityManager em;

    @Inject
    public JpaServiceClientRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI proxies only. */
    protected JpaServiceClientRepository() {
        this.em = null;
    }

    @Override
    public void insert(ServiceClient client) {
        ServiceClientJpaEntity e = new ServiceClientJpaEntity();
        e.clientId = client.clientId();
        copy(client, e);
        em.persist(e);
    }

    @Override
    public void update(ServiceClient client) {
        ServiceClientJpaEntity e = em.find(ServiceClientJpaEntity.class, client.clientId());
        if (e == null) {
            throw new IllegalStateException("no service client " + client.clientId());
        }
        copy(client, e);
    }

    private static void copy(ServiceClient c, ServiceClientJpaEntity e) {
        e.name = c.name();
        e.scopes = c.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(","));
        e.secretHash = c.secretHash();
        e.previousSecretHash = c.previousSecretHash();
        e.previousValidUntil = c.previousValidUntil();
        e.createdAt = c.createdAt();
        e.disabledAt = c.disabledAt();
    }

    @Override
    public Optional<ServiceClient> findById(String clientId) {
        return Optional.ofNullable(em.find(ServiceClientJpaEntity.class, clientId)).map(JpaServiceClientRepository::toDomain);
    }

    @Override
    public List<ServiceClient> list() {
        return em.createQuery("select c from ServiceClientJpaEntity c order by c.createdAt", ServiceClientJpaEntity.class)
                .setMaxResults(10_000).getResultStream().map(JpaServiceClientRepository::toDomain).toList();
    }

    private static ServiceClient toDomain(ServiceClientJpaEntity e) {
        return new ServiceClient(e.clientId, e.name, Arrays.stream(e.scopes.split(",")).filter(s -> !s.isBlank())
                .map(s -> Scope.parse("scopes", s)).collect(Collectors.toSet()), e.secretHash, e.previousSecretHash,
                e.previousValidUntil, e.createdAt, e.disabledAt);
    }
}

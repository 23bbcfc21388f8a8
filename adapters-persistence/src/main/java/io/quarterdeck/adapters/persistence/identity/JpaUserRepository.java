package io.quarterdeck.adapters.persistence.identity;

import io.quarterdeck.adapters.persistence.support.UniqueViolation;
import io.quarterdeck.application.port.out.identity.UserRepository;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.User;
import io.quarterdeck.domain.shared.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;

/** People in {@code users}, through JPA. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {
    private final EntityManager em;

    @Inject
    public JpaUserRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI proxies only. */
    protected JpaUserRepository() {
        this.em = null;
    }

    @Override
    public void insert(User user) {
        if (findByUsername(user.username()).isPresent()) {
            throw new ConflictException("username", "This username is taken");
        }
        if (user.email() != null && findByEmail(user.email()).isPresent()) {
            throw new ConflictException("email", "A member with this e-mail already exists");
        }
        UserJpaEntity e = new UserJpaEntity();
        e.id = user.id();
        copy(user, e);
        try {
            em.persist(e);
            em.flush();
        } catch (PersistenceException ex) {
            if (UniqueViolation.in(ex)) {
                throw new ConflictException("username", "This username or e-mail is taken");
            }
            throw ex;
        }
    }

    @Override
    public void update(User user) {
        UserJpaEntity e = em.find(UserJpaEntity.class, user.id());
        if (e == null) {
            throw new IllegalStateException("no user " + user.id());
        }
        if (user.email() != null && !user.email().equals(e.email)) {
            findByEmail(user.email()).filter(other -> !other.id().equals(user.id())).ifPresent(other -> {
                throw new ConflictException("email", "A member with this e-mail already exists");
            });
        }
        copy(user, e);
    }

    private static void copy(User user, UserJpaEntity e) {
        e.username = user.username();
        e.email = user.email();
        e.fullName = user.fullName();
        e.role = user.role().wireName();
        e.passwordHash = user.passwordHash();
        e.disabled = user.disabled();
        e.createdAt = user.createdAt();
        e.lastActive = user.lastActive();
        e.passwordChangedAt = user.passwordChangedAt();
    }

    @Override
    public Optional<User> findById(String id) {
        return Optional.ofNullable(em.find(UserJpaEntity.class, id)).map(JpaUserRepository::toDomain);
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return em.createQuery("select u from UserJpaEntity u where u.username = :n", UserJpaEntity.class)
                .setParameter("n", username).getResultStream().findFirst().map(JpaUserRepository::toDomain);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return em.createQuery("select u from UserJpaEntity u where u.email = :e", UserJpaEntity.class)
                .setParameter("e", email.toLowerCase(java.util.Locale.ROOT)).getResultStream().findFirst()
                .map(JpaUserRepository::toDomain);
    }

    @Override
    public List<User> list() {
        return em.createQuery("select u from UserJpaEntity u order by u.createdAt, u.username", UserJpaEntity.class)
                .setMaxResults(10_000).getResultStream().map(JpaUserRepository::toDomain).toList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(u) from UserJpaEntity u", Long.class).getSingleResult();
    }

    static User toDomain(UserJpaEntity e) {
        return new User(e.id, e.username, e.email, e.fullName, Role.parse("role", e.role), e.passwordHash, e.disabled,
                e.createdAt, e.lastActive, e.passwordChangedAt);
    }
}

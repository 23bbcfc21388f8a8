package io.quarterdeck.application.port.out.identity;

import io.quarterdeck.domain.identity.User;
import java.util.List;
import java.util.Optional;

/** Storage of people (password hashes only). Usernames are unique without case (stored lower-case). */
public interface UserRepository {
    /** @throws io.quarterdeck.domain.shared.ConflictException when the username or e-mail is taken */
    void insert(User user);

    void update(User user);

    Optional<User> findById(String id);

    Optional<User> findByUsername(String username);

    Optional<User> findByEmail(String email);

    List<User> list();

    long count();
}

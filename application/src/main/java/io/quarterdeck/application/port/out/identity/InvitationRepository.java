package io.quarterdeck.application.port.out.identity;

import io.quarterdeck.domain.identity.Invitation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Invitations to join (token hashes only). */
public interface InvitationRepository {
    void insert(Invitation invitation);

    Optional<Invitation> findByTokenHash(String tokenHash);

    /** Marks it accepted if nobody has; false when it already was. */
    boolean markAccepted(String id, Instant at);

    List<Invitation> listOpen(Instant now);
}

package io.quarterdeck.application.identity;

import io.quarterdeck.application.port.in.identity.SigningKeysUseCase;
import io.quarterdeck.application.port.out.identity.SigningKeyRing;
import io.quarterdeck.domain.shared.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Publishes the signing keys and rotates them when they are managed here. */
@ApplicationScoped
public class SigningKeyService implements SigningKeysUseCase {
    private final SigningKeyRing keys;

    @Inject
    public SigningKeyService(SigningKeyRing keys) {
        this.keys = keys;
    }

    /** For CDI proxies only. */
    protected SigningKeyService() {
        this(null);
    }

    @Override
    public String publicJwks() {
        return keys.publicJwks();
    }

    @Override
    public String rotate() {
        if (!keys.managedHere()) {
            throw new ConflictException("key", "The signing key is set by quarterdeck.jwt.private-key-file; rotate it there");
        }
        return keys.rotate();
    }
}

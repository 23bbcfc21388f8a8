package io.quarterdeck.adapters.rest.spine.security;

import io.quarterdeck.domain.identity.Caller;
import java.security.Principal;

/** A principal that knows the core's {@link Caller}: how resources learn who is calling. */
public interface AuthenticatedPrincipal extends Principal {
    Caller caller();
}

package io.quarterdeck.application.port.in.identity;

import java.util.Optional;

/**
 * On first start with no person, creates the owner. A preset password is used as given; otherwise one is generated
 * and delivered once. Returns where the password went, empty when nothing was created.
 */
public interface BootstrapOwnerUseCase {
    Optional<String> bootstrapOwner(String username, Optional<String> presetPassword);
}

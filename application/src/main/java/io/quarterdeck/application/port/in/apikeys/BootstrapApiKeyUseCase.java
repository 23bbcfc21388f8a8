package io.quarterdeck.application.port.in.apikeys;

import java.util.Optional;

/**
 * On first start with no API key, creates one bootstrap key (read, write, ingest). A preset key is used as given;
 * otherwise one is generated and delivered once. Returns where it was delivered, empty when nothing was created.
 */
public interface BootstrapApiKeyUseCase {
    Optional<String> bootstrap(Optional<String> presetKey);
}

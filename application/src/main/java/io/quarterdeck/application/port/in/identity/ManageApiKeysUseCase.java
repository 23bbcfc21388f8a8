package io.quarterdeck.application.port.in.identity;

import io.quarterdeck.domain.identity.ApiKey;
import io.quarterdeck.domain.identity.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** API keys for admins: the key itself is shown once, at creation; revocation takes effect at once. */
public interface ManageApiKeysUseCase {
    List<ApiKey> list();

    CreatedApiKey create(NewApiKey key);

    /** @throws io.quarterdeck.domain.shared.NotFoundException when there is no such active key */
    void revoke(String id);

    record CreatedApiKey(ApiKey key, String secret) {
    }
}

package io.quarterdeck.application.apikeys;

import io.quarterdeck.application.port.in.identity.ManageApiKeysUseCase;
import io.quarterdeck.application.port.in.identity.NewApiKey;
import io.quarterdeck.application.port.out.apikeys.ApiKeyRepository;
import io.quarterdeck.application.port.out.identity.SecretHasher;
import io.quarterdeck.domain.identity.ApiKey;
import io.quarterdeck.domain.identity.Scope;
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

/** Creating, listing and revoking API keys. A revocation also empties the proven-key cache, so it bites at once. */
@ApplicationScoped
public class ApiKeyManagementService implements ManageApiKeysUseCase {
    private final ApiKeyRepository keys;
    private final SecretHasher hasher;
    private final ApiKeyService authentication;
    private final Clock clock;

    @Inject
    public ApiKeyManagementService(ApiKeyRepository keys, SecretHasher hasher, ApiKeyService authentication,
                                   Clock clock) {
        this.keys = keys;
        this.hasher = hasher;
        this.authentication = authentication;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected ApiKeyManagementService() {
        this(null, null, null, null);
    }

    @Override
    @Transactional
    public List<ApiKey> list() {
        return keys.listActive();
    }

    @Override
    @Transactional
    public CreatedApiKey create(NewApiKey request) {
        String name = request.name();
        Set<Scope> scopes = request.scopes();
        Instant expiresAt = request.expiresAt();
        String n = Text.line("name", name, 200);
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidFieldException("permissions", "must name at least one of read, write, ingest, operate");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidFieldException("expires_at", "must be in the future");
        }
        String secret = ApiKeyService.newKey();
        ApiKey key = new ApiKey(ApiKey.idOf(secret), n, ApiKey.previewOf(secret), hasher.hash(secret), scopes, now,
                expiresAt, null, null);
        keys.insert(key);
        return new CreatedApiKey(key, secret);
    }

    /** The repository commits the revocation itself; only then is the cache emptied (no stale proof after it). */
    @Override
    public void revoke(String id) {
        if (id == null || !keys.revoke(id, clock.instant())) {
            throw new NotFoundException("api_key", String.valueOf(id));
        }
        authentication.forgetProvenKeys();
    }
}

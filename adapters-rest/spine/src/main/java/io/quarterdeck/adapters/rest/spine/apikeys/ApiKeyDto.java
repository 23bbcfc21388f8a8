package io.quarterdeck.adapters.rest.spine.apikeys;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.identity.ApiKey;
import io.quarterdeck.domain.identity.Scope;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * An API key as seed 001 lists it: a preview, never the key; {@code key} is set once, in the answer to creation;
 * {@code last_used} is always there, null for a key never used.
 */
public record ApiKeyDto(String id, String name, String key, String keyPreview, List<String> permissions,
                        @JsonbNillable String lastUsed, String createdAt, String expiresAt) {
    public static ApiKeyDto from(ApiKey k, String secret) {
        return new ApiKeyDto(k.id(), k.name(), secret, k.preview(),
                k.scopes().stream().map(Scope::wireName).sorted().toList(),
                k.lastUsed() == null ? null : Times.format(k.lastUsed()), Times.format(k.createdAt()),
                k.expiresAt() == null ? null : Times.format(k.expiresAt()));
    }
}

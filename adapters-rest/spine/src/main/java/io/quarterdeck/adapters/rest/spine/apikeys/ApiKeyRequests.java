package io.quarterdeck.adapters.rest.spine.apikeys;

import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.adapters.rest.spine.RequestAttributes;
import io.quarterdeck.application.port.in.identity.ManageApiKeysUseCase;
import io.quarterdeck.application.port.in.identity.ManageApiKeysUseCase.CreatedApiKey;
import io.quarterdeck.application.port.in.identity.NewApiKey;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * API key creation and revocation as both surfaces that manage keys ({@code /api/settings/api-keys} of seed 001,
 * {@code /api/v1/api-keys}) read them; each surface only wraps the answer in its own shape.
 */
public final class ApiKeyRequests {
    private ApiKeyRequests() {
    }

    /** {@code {"name", "permissions" (or "scopes"), "expires_at"}}; the audit summary names the key and its scopes. */
    public static CreatedApiKey create(ManageApiKeysUseCase apiKeys, JsonValue body, HttpServletRequest request) {
        JsonObject o = JsonFields.object(body);
        List<String> names = JsonFields.strings(o, "permissions");
        if (names == null) {
            names = JsonFields.strings(o, "scopes");
        }
        CreatedApiKey created = apiKeys.create(new NewApiKey(JsonFields.string(o, "name"),
                Scopes.parse("permissions", names), JsonFields.instant(o, "expires_at")));
        request.setAttribute(RequestAttributes.SUMMARY, "created API key " + created.key().id() + " ("
                + String.join(",", ApiKeyDto.from(created.key(), null).permissions()) + ")");
        return created;
    }

    public static void revoke(ManageApiKeysUseCase apiKeys, String id, HttpServletRequest request) {
        apiKeys.revoke(id);
        request.setAttribute(RequestAttributes.SUMMARY, "revoked API key " + id);
    }

    /** The documented body of a key creation, for OpenAPI (the body is read field by field above). */
    @Schema(description = "permissions (or scopes): read, write, ingest, operate", requiredProperties = {"name"})
    public record Body(String name, List<String> permissions, List<String> scopes,
                       @JsonbProperty("expires_at") @Schema(format = "date-time") String expiresAt) {
    }
}

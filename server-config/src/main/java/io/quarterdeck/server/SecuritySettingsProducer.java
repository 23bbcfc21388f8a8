package io.quarterdeck.server;

import static io.quarterdeck.server.ConfigKey.JWT_ISSUER;
import static io.quarterdeck.server.ConfigKey.JWT_KEY_ENCRYPTION_KEY;
import static io.quarterdeck.server.ConfigKey.JWT_KEY_RELOAD_SECONDS;
import static io.quarterdeck.server.ConfigKey.JWT_PRIVATE_KEY_FILE;
import static io.quarterdeck.server.ConfigKey.OIDC_AUDIENCE;
import static io.quarterdeck.server.ConfigKey.OIDC_ISSUER;
import static io.quarterdeck.server.ConfigKey.OIDC_JWKS_MAX_CACHE_SECONDS;
import static io.quarterdeck.server.ConfigKey.OIDC_JWKS_URL;
import static io.quarterdeck.server.ConfigKey.OIDC_ROLES_CLAIM;
import static io.quarterdeck.server.ConfigKey.OIDC_ROLE_MAP;

import io.quarterdeck.adapters.security.SecuritySettings;
import io.quarterdeck.domain.identity.GroupRoleMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Turns {@code quarterdeck.jwt.*} and {@code quarterdeck.oidc.*} (or their {@code QUARTERDECK_*} variables) into the
 * security adapter's settings, once. Token lifetimes ({@code quarterdeck.jwt.access-token-minutes},
 * {@code refresh-token-days}) belong to the core's {@code IdentitySettings}, produced by {@link Settings}.
 */
@ApplicationScoped
public class SecuritySettingsProducer {
    @Produces
    @Singleton
    SecuritySettings security(Config config, ServerSettings server) {
        return security(ConfigReader.of(config), server.dataDirectory());
    }

    static SecuritySettings security(ConfigReader c, Path dataDirectory) {
        return new SecuritySettings(
                c.text(JWT_ISSUER),
                c.optional(JWT_PRIVATE_KEY_FILE).map(String::trim).map(Path::of),
                c.optional(JWT_KEY_ENCRYPTION_KEY).map(String::trim),
                dataDirectory.resolve("keys"),
                Duration.ofSeconds(c.whole(JWT_KEY_RELOAD_SECONDS)),
                c.optional(OIDC_ISSUER).map(String::trim),
                c.optional(OIDC_JWKS_URL).map(String::trim).map(URI::create),
                c.optional(OIDC_AUDIENCE).map(String::trim),
                c.text(OIDC_ROLES_CLAIM).trim(),
                GroupRoleMapping.parse(OIDC_ROLE_MAP.key(), c.optional(OIDC_ROLE_MAP).orElse("")),
                Duration.ofSeconds(c.whole(OIDC_JWKS_MAX_CACHE_SECONDS)));
    }
}

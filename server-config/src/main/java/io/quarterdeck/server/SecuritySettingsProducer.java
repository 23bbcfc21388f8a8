package io.quarterdeck.server;

import io.quarterdeck.adapters.security.SecuritySettings;
import io.quarterdeck.domain.identity.GroupRoleMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Turns {@code quarterdeck.jwt.*} and {@code quarterdeck.oidc.*} (or their {@code QUARTERDECK_*} variables) into the
 * security adapter's settings, once. Token lifetimes ({@code quarterdeck.jwt.access-token-minutes},
 * {@code refresh-token-days}) belong to the core's {@code IdentitySettings}, produced by {@link Settings}.
 */
@ApplicationScoped
public class SecuritySettingsProducer {
    private final Config config;
    private final Settings settings;

    @Inject
    public SecuritySettingsProducer(Config config, Settings settings) {
        this.config = config;
        this.settings = settings;
    }

    /** For CDI proxies only. */
    protected SecuritySettingsProducer() {
        this(null, null);
    }

    @Produces
    @Singleton
    SecuritySettings security() {
        return new SecuritySettings(
                config.getOptionalValue("quarterdeck.jwt.issuer", String.class).orElse("quarterdeck"),
                text("quarterdeck.jwt.private-key-file").map(Path::of),
                text(SecuritySettings.KEY_ENCRYPTION_KEY),
                settings.dataDirectory().resolve("keys"),
                Duration.ofSeconds(number("quarterdeck.jwt.key-reload-seconds", 10)),
                text("quarterdeck.oidc.issuer"),
                text("quarterdeck.oidc.jwks-url").map(URI::create),
                text("quarterdeck.oidc.audience"),
                config.getOptionalValue("quarterdeck.oidc.roles-claim", String.class).orElse("groups"),
                GroupRoleMapping.parse("quarterdeck.oidc.role-map",
                        config.getOptionalValue("quarterdeck.oidc.role-map", String.class).orElse("")),
                Duration.ofSeconds(number("quarterdeck.oidc.jwks-max-cache-seconds", 300)));
    }

    private Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private long number(String key, long fallback) {
        return config.getOptionalValue(key, Long.class).orElse(fallback);
    }
}

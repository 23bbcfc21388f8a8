package io.quarterdeck.application.system;

import io.quarterdeck.application.port.in.system.ConfigurationUseCase;
import io.quarterdeck.application.port.out.system.ConfigurationSource;
import io.quarterdeck.application.port.out.system.ConfigurationSource.Setting;
import io.quarterdeck.application.port.out.system.RuntimeSettingRepository;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The effective configuration with secrets redacted (values of keys named like passwords, secrets, tokens or keys, and
 * the credentials inside URLs), and runtime changes: all validated first, stored in one transaction, then applied.
 */
@ApplicationScoped
public class SystemConfigService implements ConfigurationUseCase {
    static final String REDACTED = "********";
    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(password|secret|token|api-key|encryption-key|credential|private-key)(?!-file).*");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]*@");
    static final int MAX_CHANGES = 20;

    private final ConfigurationSource source;
    private final RuntimeSettingRepository store;
    private final Clock clock;

    @Inject
    public SystemConfigService(ConfigurationSource source, RuntimeSettingRepository store, Clock clock) {
        this.source = source;
        this.store = store;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected SystemConfigService() {
        this(null, null, null);
    }

    @Override
    public List<ConfigEntry> effective() {
        List<ConfigEntry> out = new ArrayList<>();
        for (Setting s : source.settings()) {
            boolean secret = isSecret(s.key());
            out.add(new ConfigEntry(s.key(), s.value().map(v -> shown(s.key(), v)).orElse(null), s.source(), secret,
                    source.changeable(s.key())));
        }
        return out;
    }

    @Override
    public List<ConfigChange> change(Caller by, Map<String, String> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new InvalidFieldException("settings", "name at least one setting to change");
        }
        if (changes.size() > MAX_CHANGES) {
            throw new InvalidFieldException("settings", "at most " + MAX_CHANGES + " settings at once");
        }
        Map<String, Setting> current = new LinkedHashMap<>();
        source.settings().forEach(s -> current.put(s.key(), s));
        Map<String, String> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : changes.entrySet()) {
            String key = c.getKey();
            if (!current.containsKey(key)) {
                throw new InvalidFieldException(key, "is not a setting");
            }
            if (!source.changeable(key)) {
                throw new InvalidFieldException(key, "cannot be changed at runtime; set it in the server's "
                        + "configuration and restart");
            }
            if (c.getValue() == null || c.getValue().isBlank()) {
                throw new InvalidFieldException(key, "needs a value");
            }
            try {
                accepted.put(key, source.validate(key, c.getValue()));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException(key, e.getMessage());
            }
        }
        String actor = by == null ? "system" : by.name() != null ? by.name() : by.id();
        store.saveAll(accepted, actor, clock.instant());
        List<ConfigChange> out = new ArrayList<>();
        for (Map.Entry<String, String> a : accepted.entrySet()) {
            source.apply(a.getKey(), a.getValue());
            String old = current.get(a.getKey()).value().map(v -> shown(a.getKey(), v)).orElse(null);
            out.add(new ConfigChange(a.getKey(), old, shown(a.getKey(), a.getValue())));
        }
        return out;
    }

    static boolean isSecret(String key) {
        return SECRET_KEY.matcher(key.toLowerCase(java.util.Locale.ROOT)).matches();
    }

    /** The value as it may be shown: a secret key's value never, a URL without its user and password. */
    static String shown(String key, String value) {
        if (isSecret(key)) {
            return REDACTED;
        }
        return URL_CREDENTIALS.matcher(value).replaceFirst("$1" + REDACTED + "@");
    }
}

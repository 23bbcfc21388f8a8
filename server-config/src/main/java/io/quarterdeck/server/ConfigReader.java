package io.quarterdeck.server;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link ConfigKey}s as typed values: the configured text, else the key's default. A value that does not
 * parse stops the start with the key's name rather than being replaced by the default.
 */
final class ConfigReader {
    private final Function<String, Optional<String>> source;

    ConfigReader(Function<String, Optional<String>> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** MicroProfile Config: system properties, {@code QUARTERDECK_*} variables, {@code server.xml} variables. */
    static ConfigReader of(Config config) {
        return new ConfigReader(key -> config.getOptionalValue(key, String.class));
    }

    /** The configured text as given (a preset password may begin with a space); empty if neither set nor defaulted. */
    Optional<String> optional(ConfigKey k) {
        Optional<String> set = source.apply(k.key()).filter(s -> !s.isBlank());
        return set.isPresent() ? set : Optional.ofNullable(k.fallback());
    }

    String text(ConfigKey k) {
        return optional(k).orElseThrow(() -> new IllegalArgumentException(k.key() + " must be set"));
    }

    int integer(ConfigKey k) {
        String s = text(k).trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(k.key() + ": not a whole number: " + s);
        }
    }

    long whole(ConfigKey k) {
        String s = text(k).trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(k.key() + ": not a whole number: " + s);
        }
    }

    /** The spellings MicroProfile Config's boolean converter knows; anything else is refused, not taken as false. */
    boolean flag(ConfigKey k) {
        String s = text(k).trim();
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "on" -> true;
            case "false", "0", "no", "n", "off" -> false;
            default -> throw new IllegalArgumentException(k.key() + ": not true or false: " + s);
        };
    }

    /** A comma-separated list, each item trimmed, empty items dropped. */
    List<String> list(ConfigKey k) {
        return optional(k).map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList())
                .orElse(List.of());
    }
}

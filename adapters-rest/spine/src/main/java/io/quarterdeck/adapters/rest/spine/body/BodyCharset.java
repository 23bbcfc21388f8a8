package io.quarterdeck.adapters.rest.spine.body;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that decides how a request body's bytes become text: UTF-8 unless {@code Content-Type} names another
 * Unicode encoding (UTF-16 and UTF-32 in either byte order, or US-ASCII, a subset of UTF-8). Any other charset, known
 * to the JVM or not, is refused as unsupported naming {@code Content-Type}.
 */
public final class BodyCharset {
    private static final Map<String, Charset> ACCEPTED = Map.of(
            "utf-8", StandardCharsets.UTF_8, "utf8", StandardCharsets.UTF_8,
            "us-ascii", StandardCharsets.US_ASCII,
            "utf-16", StandardCharsets.UTF_16, "utf-16be", StandardCharsets.UTF_16BE,
            "utf-16le", StandardCharsets.UTF_16LE,
            "utf-32", Charset.forName("UTF-32"), "utf-32be", Charset.forName("UTF-32BE"),
            "utf-32le", Charset.forName("UTF-32LE"));

    private BodyCharset() {
    }

    /** The charset of a body of this media type (UTF-8 when none is named). */
    public static Charset of(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String key = name.strip();
        if (key.length() > 1 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        Charset charset = ACCEPTED.get(key.toLowerCase(Locale.ROOT));
        if (charset == null) {
            throw new UnsupportedBodyException("Content-Type",
                    "charset " + printable(key) + " is not supported; send UTF-8 (or UTF-16, UTF-32)");
        }
        return charset;
    }

    static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}

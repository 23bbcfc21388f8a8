package io.quarterdeck.domain.errors.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Computes the fingerprint that decides which group an error joins.
 *
 * <p>Default grouping hashes the {@linkplain MessageNormalizer normalized message} (first two lines), the
 * {@linkplain StackTraceNormalizer top three in-app frames} and the source (trimmed, lowercased; absent or blank
 * counts as none). The parts are length-prefixed before hashing, so they can never run into each other.
 *
 * <p>A client-supplied fingerprint wins over the default: its parts are hashed as given (exactly, without
 * trimming), except that a part reading {@code {{ default }}} (any whitespace inside the braces) stands for the
 * default fingerprint's value. A client fingerprint of just {@code ["{{ default }}"]} is the default fingerprint.
 *
 * <p>Thread-safe; normalizations are memoized ({@link Memo}), which changes nothing but the cost. Bump {@link #GROUPING_VERSION} whenever a change here or in the normalizers can
 * move an error to another group.
 */
public final class Fingerprinter {
    /** Version of the grouping algorithm, recorded with every group. */
    public static final int GROUPING_VERSION = 1;

    /** How many stack frames take part in default grouping. */
    static final int FRAMES = 3;

    private static final Pattern DEFAULT_PART = Pattern.compile("\\{\\{\\s*+default\\s*+\\}\\}");

    private final MessageNormalizer messages = new MessageNormalizer();
    private final StackTraceNormalizer stackTraces = new StackTraceNormalizer();
    // Memory bound: 2 generations x 2,048 messages of at most 2,048 chars, and 2 x 1,024 traces of at most
    // 8,192 chars: under 25 MB at worst, usually far less. Longer inputs are normalized every time.
    private final Memo<String> normalizedMessages = new Memo<>(messages::normalize, 2_048, 2_048);
    private final Memo<List<String>> topFrames =
            new Memo<>(trace -> List.copyOf(stackTraces.topFrames(trace, FRAMES)), 1_024, 8_192);

    public Fingerprinter() {
    }

    /** Default grouping: hash of normalized message + normalized top 3 in-app frames + source. */
    public Fingerprint compute(String message, String stackTrace, String source) {
        List<String> frames = topFrames.apply(stackTrace);
        List<String> parts = new ArrayList<>(frames.size() + 5);
        parts.add("default");
        parts.add(normalizedMessages.apply(message));
        parts.add(Integer.toString(frames.size()));
        parts.addAll(frames);
        parts.add(normalizeSource(source));
        return FingerprintHash.of(parts);
    }

    /**
     * The client's fingerprint when it has parts (each {@code {{ default }}} part expanded to the default
     * fingerprint's value), otherwise the default fingerprint.
     */
    public Fingerprint compute(String message, String stackTrace, String source, List<String> clientFingerprint) {
        if (clientFingerprint == null || clientFingerprint.isEmpty()
                || (clientFingerprint.size() == 1 && isDefaultPart(clientFingerprint.get(0)))) {
            return compute(message, stackTrace, source);
        }
        Fingerprint defaultFingerprint = null;
        List<String> parts = new ArrayList<>(clientFingerprint.size() + 2);
        parts.add("client");
        parts.add(Integer.toString(clientFingerprint.size()));
        for (String part : clientFingerprint) {
            if (isDefaultPart(part)) {
                if (defaultFingerprint == null) {
                    defaultFingerprint = compute(message, stackTrace, source);
                }
                parts.add(defaultFingerprint.value());
            } else {
                parts.add(part);
            }
        }
        return FingerprintHash.of(parts);
    }

    static boolean isDefaultPart(String part) {
        return part != null && DEFAULT_PART.matcher(part.strip()).matches();
    }

    static String normalizeSource(String source) {
        return source == null || source.isBlank() ? null : source.strip().toLowerCase(Locale.ROOT);
    }
}

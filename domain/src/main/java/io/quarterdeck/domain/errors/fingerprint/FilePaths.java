package io.quarterdeck.domain.errors.fingerprint;

/** Path helpers shared by the JavaScript and Python frame parsers. Paths use {@code /} once normalized. */
final class FilePaths {
    private FilePaths() {
    }

    /** Forward slashes only. */
    static String slashes(String path) {
        return path.replace('\\', '/');
    }

    /** The last path segment. */
    static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The part after the last occurrence of {@code anchor}, or {@code null} when it does not occur. */
    static String afterLast(String path, String anchor) {
        int i = path.lastIndexOf(anchor);
        return i < 0 ? null : path.substring(i + anchor.length());
    }
}

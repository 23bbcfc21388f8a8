package io.quarterdeck.adapters.rest.support;

/**
 * The contract a request belongs to, decided by its path as API-MAP.md mounts them; each answers errors in its
 * own shape.
 */
public enum Surface {
    /** Seed 001: {@code /health}, {@code /api/...} (not v1), {@code /ws}. */
    HEALTH_MONITOR,
    /** Seeds 000, 003, 004: {@code /api/v1/...}. */
    API_V1,
    /** Seed 002, mounted at {@code /cluster-ai}. */
    CLUSTER_AI;

    /** The surface of a request path (with or without a leading slash). */
    public static Surface of(String path) {
        String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        if (p.equals("api/v1") || p.startsWith("api/v1/")) {
            return API_V1;
        }
        if (p.equals("cluster-ai") || p.startsWith("cluster-ai/")) {
            return CLUSTER_AI;
        }
        return HEALTH_MONITOR;
    }
}

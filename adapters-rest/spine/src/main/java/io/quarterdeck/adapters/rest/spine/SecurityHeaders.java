package io.quarterdeck.adapters.rest.spine;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/** The security headers every response carries, errors and WebSocket upgrades included. */
public final class SecurityHeaders {
    static final Map<String, String> HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'self'",
            "Referrer-Policy", "strict-origin-when-cross-origin");

    private SecurityHeaders() {
    }

    public static void apply(HttpServletResponse res) {
        HEADERS.forEach(res::setHeader);
    }
}

package io.quarterdeck.adapters.rest.spine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser origins may call the API ({@link RestSettings#corsOrigins()}, from {@code quarterdeck.cors.origins},
 * a comma-separated list such as {@code https://ops.example.com,http://localhost:5173}). Empty by default: no
 * cross-origin access until configured.
 * An allowed origin is answered with itself and {@code Access-Control-Allow-Credentials: true}; {@code *} allows
 * every origin but never with credentials.
 */
@ApplicationScoped
public class CorsPolicy {
    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, X-API-Key, X-Request-ID";
    static final String EXPOSED_HEADERS = "X-Request-ID, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
            + "RateLimit-Reset, RateLimit-Policy";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;
    private final boolean anyOrigin;

    @Inject
    public CorsPolicy(RestSettings settings) {
        Set<String> parsed = new LinkedHashSet<>();
        boolean any = false;
        // RestSettings has refused anything that is neither * nor an origin.
        for (String o : settings.corsOrigins()) {
            if (o.equals("*")) {
                any = true;
            } else {
                parsed.add(normalize(o));
            }
        }
        this.origins = Set.copyOf(parsed);
        this.anyOrigin = any;
    }

    /** For CDI proxies only. */
    protected CorsPolicy() {
        this.origins = Set.of();
        this.anyOrigin = false;
    }

    /** Is this {@code Origin} header allowed? */
    public boolean allows(String origin) {
        if (origin == null) {
            return false;
        }
        String normal = normalize(origin);
        return normal != null && (anyOrigin || origins.contains(normal));
    }

    /** Credentials (cookies, Authorization) may be sent from an origin named in the list, never under {@code *}. */
    public boolean withCredentials(String origin) {
        String normal = normalize(origin);
        return normal != null && origins.contains(normal);
    }

    /** {@code scheme://host[:port]} in lower case without a default port or trailing slash; null if not an origin. */
    static String normalize(String origin) {
        try {
            URI u = new URI(origin.trim());
            String scheme = u.getScheme();
            String host = u.getHost();
            if (scheme == null || host == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null
                    || !(u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/"))) {
                return null;
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean defaultPort = port == -1 || s.equals("http") && port == 80 || s.equals("https") && port == 443;
            return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}

package io.quarterdeck.adapters.security.tokens;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * An external issuer's JWKS, fetched over HTTP and cached as long as its answer allows and never longer than
 * {@code quarterdeck.oidc.jwks-max-cache-seconds}: {@code Cache-Control: max-age} or {@code Expires} shorten the
 * lifetime, {@code no-cache} and {@code no-store} make it one second (the floor that keeps a busy server from
 * fetching for every token), no header at all gives the bound. (jose4j's {@code HttpsJwks} turns {@code no-cache}
 * into an hour.) A kid that is not in the cache fetches again at once, at most once a second. When the issuer
 * cannot be reached, the last keys serve until they are {@code max} old, then tokens are refused.
 */
final class IssuerJwks {
    private static final Logger LOG = Logger.getLogger(IssuerJwks.class.getName());
    static final Duration FLOOR = Duration.ofSeconds(1);
    private static final int MAX_BYTES = 512 * 1024;

    private final URI location;
    private final Duration max;
    private final Clock clock;
    private final HttpClient http;
    private final ReentrantLock fetching = new ReentrantLock();

    /** Keys as fetched at {@code fetchedAt}, good until {@code expiresAt}. */
    private record Snapshot(List<JsonWebKey> keys, Instant fetchedAt, Instant expiresAt) {
    }

    private volatile Snapshot snapshot;
    private volatile Instant lastAttempt = Instant.EPOCH;

    IssuerJwks(URI location, Duration max, Clock clock) {
        this.location = location;
        this.max = max;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The issuer's key with this kid, or empty (the issuer does not publish it, or cannot be reached). */
    Optional<JsonWebKey> key(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (s == null || !now.isBefore(s.expiresAt())) {
            s = refresh(s, now);
        }
        Optional<JsonWebKey> found = find(s, kid, now);
        if (found.isEmpty()) {
            found = find(refresh(s, now), kid, now);
        }
        return found;
    }

    /** Whether keys fetched from the issuer are in hand (false: it could not be read within the bound). */
    boolean readable() {
        Snapshot s = snapshot;
        return s != null && clock.instant().isBefore(s.fetchedAt().plus(max));
    }

    private Optional<JsonWebKey> find(Snapshot s, String kid, Instant now) {
        if (s == null || !now.isBefore(s.fetchedAt().plus(max))) {
            return Optional.empty();
        }
        return s.keys().stream().filter(k -> kid.equals(k.getKeyId())).findFirst();
    }

    /** Fetches, unless another thread just did or the last attempt was less than a second ago. */
    private Snapshot refresh(Snapshot seen, Instant now) {
        fetching.lock();
        try {
            Snapshot current = snapshot;
            if (current != seen && current != null && now.isBefore(current.expiresAt())) {
                return current;
            }
            if (current != null && now.isBefore(lastAttempt.plus(FLOOR))) {
                return current;
            }
            lastAttempt = now;
            try {
                Snapshot fetched = fetch(now);
                snapshot = fetched;
                return fetched;
            } catch (IOException | JoseException | RuntimeException e) {
                LOG.log(Level.WARNING, "The OIDC issuer's JWKS at " + location + " could not be read: " + e);
                return current;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
        } finally {
            fetching.unlock();
        }
    }

    private Snapshot fetch(Instant now) throws IOException, InterruptedException, JoseException {
        HttpRequest request = HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String body;
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("the JWKS is larger than " + MAX_BYTES + " bytes");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        List<JsonWebKey> keys = new JsonWebKeySet(body).getJsonWebKeys();
        Duration life = lifetime(response.headers().allValues("Cache-Control"),
                response.headers().firstValue("Expires"), response.headers().firstValue("Date"), max);
        return new Snapshot(List.copyOf(keys), now, now.plus(life));
    }

    /** How long an answer with these headers may be cached: what they allow, within one second and {@code max}. */
    static Duration lifetime(List<String> cacheControl, Optional<String> expires, Optional<String> date, Duration max) {
        Duration allowed = null;
        for (String header : cacheControl) {
            for (String directive : header.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                if (d.equals("no-cache") || d.equals("no-store")) {
                    return FLOOR;
                }
                if (d.startsWith("max-age=")) {
                    try {
                        allowed = Duration.ofSeconds(Long.parseLong(d.substring(8).replace("\"", "").trim()));
                    } catch (NumberFormatException e) {
                        return FLOOR;
                    }
                }
            }
        }
        if (allowed == null && expires.isPresent()) {
            try {
                ZonedDateTime until = ZonedDateTime.parse(expires.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                ZonedDateTime at = date.isPresent() ? ZonedDateTime.parse(date.get().trim(),
                        DateTimeFormatter.RFC_1123_DATE_TIME) : ZonedDateTime.now(until.getZone());
                allowed = Duration.between(at, until);
            } catch (DateTimeParseException e) {
                return FLOOR; // RFC 9111: an invalid Expires means already expired
            }
        }
        if (allowed == null) {
            return max;
        }
        if (allowed.compareTo(FLOOR) < 0) {
            return FLOOR;
        }
        return allowed.compareTo(max) > 0 ? max : allowed;
    }
}

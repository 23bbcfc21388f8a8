package io.quarterdeck.domain.containers;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where a Docker Engine answers: {@code unix:///path/to/docker.sock}, {@code tcp://host:port} in the clear, or
 * {@code tcp://host:port} with TLS (a CA, a client certificate and its key, given as paths to PEM files on the
 * Quarterdeck host). The paths are secrets of a kind (they point at a key): they are stored, never shown.
 */
public record EngineEndpoint(String url, Tls tls) {
    public EngineEndpoint {
        Objects.requireNonNull(url, "url");
        url = validUrl(url);
        if (tls != null && url.startsWith("unix:")) {
            throw new InvalidFieldException("tls", "applies to tcp:// endpoints only");
        }
    }

    public static EngineEndpoint of(String url) {
        return new EngineEndpoint(url, null);
    }

    public boolean isUnixSocket() {
        return url.startsWith("unix://");
    }

    public boolean usesTls() {
        return tls != null;
    }

    /** The host part of a tcp endpoint, {@code localhost} for a unix socket. */
    public String host() {
        return isUnixSocket() ? "localhost" : URI.create(url).getHost();
    }

    /** Three PEM files: the CA to trust, the client certificate and its private key. */
    public record Tls(String caPath, String certPath, String keyPath) {
        public Tls {
            caPath = path("tls_ca_path", caPath);
            certPath = path("tls_cert_path", certPath);
            keyPath = path("tls_key_path", keyPath);
        }

        private static String path(String field, String p) {
            if (p == null || p.isBlank()) {
                throw new InvalidFieldException(field, "is required for a TLS endpoint");
            }
            if (!p.startsWith("/") || p.length() > 1024 || p.indexOf('\0') >= 0 || p.contains("/../")) {
                throw new InvalidFieldException(field, "must be an absolute path to a PEM file");
            }
            return p;
        }
    }

    private static String validUrl(String raw) {
        String u = raw.strip();
        if (u.length() > 1024) {
            throw new InvalidFieldException("docker_url", "is longer than 1024 characters");
        }
        if (u.startsWith("unix://")) {
            String path = u.substring("unix://".length());
            if (!path.startsWith("/") || path.length() < 2 || path.indexOf('\0') >= 0 || path.contains(" ")) {
                throw new InvalidFieldException("docker_url", "must be unix:///absolute/path/to/docker.sock");
            }
            return u;
        }
        if (u.startsWith("tcp://")) {
            URI uri;
            try {
                uri = new URI(u);
            } catch (URISyntaxException e) {
                throw new InvalidFieldException("docker_url", "must be tcp://host:port");
            }
            if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535 || uri.getUserInfo() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new InvalidFieldException("docker_url", "must be tcp://host:port");
            }
            return "tcp://" + uri.getHost() + ":" + uri.getPort();
        }
        throw new InvalidFieldException("docker_url", "must be unix:///path/to/docker.sock or tcp://host:port");
    }
}

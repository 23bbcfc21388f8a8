package io.quarterdeck.adapters.rest.spine;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What every request goes through first, in this order, whatever it is for (REST, WebSocket upgrade, an unknown
 * path): an {@code X-Request-ID}; the security headers; CORS (a preflight is answered here); the body size limit
 * ({@link RestSettings#maxBodyBytes()}, 10 MB by default: a declared length over it is refused before anything
 * is read, and a chunked body is cut off where it crosses it). Refusals are answered in the surface's error shape.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestSpineFilter extends HttpFilter {
    /** Set when a chunked body crossed the limit while being read, so the exception mappers answer 413. */
    public static final String BODY_TOO_LARGE = "quarterdeck.body-too-large";
    private static final long serialVersionUID = 1L;

    // A servlet filter is created by the web container, which injects fields and methods only: constructor
    // injection is for CDI managed beans.
    @Inject
    transient CorsPolicy cors;
    @Inject
    transient RestSettings settings;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        RequestId.assign(req, res);
        SecurityHeaders.apply(res);
        String origin = req.getHeader("Origin");
        if (origin != null) {
            res.addHeader("Vary", "Origin");
            boolean preflight = "OPTIONS".equals(req.getMethod())
                    && req.getHeader("Access-Control-Request-Method") != null;
            if (!cors.allows(origin)) {
                if (preflight) {
                    refuse(req, res, 403, "FORBIDDEN", "Origin " + printable(origin) + " is not allowed", Map.of());
                    return;
                }
            } else {
                res.setHeader("Access-Control-Allow-Origin", cors.withCredentials(origin) ? origin : "*");
                if (cors.withCredentials(origin)) {
                    res.setHeader("Access-Control-Allow-Credentials", "true");
                }
                if (preflight) {
                    res.addHeader("Vary", "Access-Control-Request-Method");
                    res.addHeader("Vary", "Access-Control-Request-Headers");
                    res.setHeader("Access-Control-Allow-Methods", CorsPolicy.ALLOWED_METHODS);
                    res.setHeader("Access-Control-Allow-Headers", CorsPolicy.ALLOWED_HEADERS);
                    res.setHeader("Access-Control-Max-Age", CorsPolicy.MAX_AGE_SECONDS);
                    res.setStatus(204);
                    return;
                }
                res.setHeader("Access-Control-Expose-Headers", CorsPolicy.EXPOSED_HEADERS);
            }
        }
        long maxBodyBytes = settings.maxBodyBytes();
        long declared = req.getContentLengthLong();
        if (declared > maxBodyBytes) {
            // Closing the connection spares reading a body nobody will use.
            res.setHeader("Connection", "close");
            refuse(req, res, 413, "PAYLOAD_TOO_LARGE", "body is larger than the limit of " + maxBodyBytes + " bytes",
                    Map.of("field", "body"));
            return;
        }
        if (declared < 0 && hasBody(req)) {
            req = new LimitedRequest(req, maxBodyBytes);
        }
        chain.doFilter(req, res);
    }

    private static boolean hasBody(HttpServletRequest req) {
        String m = req.getMethod();
        return !("GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m) || "DELETE".equals(m))
                || req.getHeader("Transfer-Encoding") != null;
    }

    private static String printable(String s) {
        String cut = s.length() > 100 ? s.substring(0, 100) : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    static void refuse(HttpServletRequest req, HttpServletResponse res, int status, String code, String message,
                       Map<String, String> details) throws IOException {
        byte[] body = ErrorBodies.body(req.getRequestURI(), code, message, details)
                .getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType("application/json");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /** A request whose body stream fails once more than {@code limit} bytes were read. */
    static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest req, long limit) {
            super(req);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit, this);
            }
            return stream;
        }
    }

    static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private final HttpServletRequest request;
        private long read;

        LimitedStream(ServletInputStream in, long limit, HttpServletRequest request) {
            this.in = in;
            this.limit = limit;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                request.setAttribute(BODY_TOO_LARGE, limit);
                throw new IOException("request body larger than " + limit + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

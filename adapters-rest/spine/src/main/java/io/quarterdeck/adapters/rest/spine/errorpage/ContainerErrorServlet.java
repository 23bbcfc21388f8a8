package io.quarterdeck.adapters.rest.spine.errorpage;

import io.quarterdeck.adapters.rest.spine.ErrorBodies;
import io.quarterdeck.adapters.rest.spine.RequestId;
import io.quarterdeck.adapters.rest.spine.SecurityHeaders;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page ({@code web.xml}) for every status and exception the servlet container decides itself, before or
 * around the application: a path it will not serve ({@code /WEB-INF/...}, encoded dots or slashes), a failure thrown
 * outside the JAX-RS exception mappers. The answer is the error shape of the surface the original path belongs to,
 * with an {@code X-Request-ID} and the security headers, never a stack trace or an exception's class. Reached
 * directly (not as an error dispatch) it answers 404 like any unknown path.
 */
public class ContainerErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? req.getRequestURI() : uri.toString();
        int status = code instanceof Integer i ? i : 404;
        if (failure != null && (status < 400 || status >= 500)) {
            status = statusOf(failure);
        }
        if (status < 400 || status > 599) {
            status = 500;
        }
        String id = res.getHeader(RequestId.HEADER);
        if (id == null) {
            id = RequestId.assign(req, res);
        }
        if (status >= 500) {
            LOG.log(Level.SEVERE, "request " + id + " failed in the container", failure);
        }
        SecurityHeaders.apply(res);
        byte[] body = ErrorBodies.body(path, ErrorBodies.codeFor(status), message(status, id), Map.of())
                .getBytes(StandardCharsets.UTF_8);
        if (res.isCommitted()) {
            return;
        }
        res.resetBuffer();
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /**
     * A failure the container caught: one that says what status it means (a JAX-RS refusal) keeps it; an argument or
     * header the runtime could not parse is the request's fault (400); anything else is the server's (500).
     */
    static int statusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebApplicationException w && w.getResponse() != null) {
                return w.getResponse().getStatus();
            }
            if (t instanceof IllegalArgumentException) {
                return 400;
            }
            String m = String.valueOf(t.getMessage());
            if (m.startsWith("CWWWC0005I")) {
                // Liberty's check of the request URI (an encoded dot, slash or backslash), thrown before any filter.
                return 400;
            }
            if (m.startsWith("SRVE0190E")) {
                // Liberty's "File not found" for a protected or missing static path such as /WEB-INF/web.xml.
                return 404;
            }
        }
        return 500;
    }

    static String message(int status, String id) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 408 -> "Request timeout";
            case 411 -> "Length required";
            case 413 -> "Request body too large";
            case 414 -> "Request URI too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request headers too large";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal server error (request id " + id + ")" : "Request refused";
        };
    }
}

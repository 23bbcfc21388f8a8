package io.quarterdeck.adapters.rest.spine;

import io.quarterdeck.adapters.rest.spine.body.UnsupportedBodyException;
import io.quarterdeck.application.port.in.errors.IngestionUnavailableException;
import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.shared.ConflictException;
import io.quarterdeck.domain.shared.FieldTooLargeException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.json.JsonException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Translates every exception to the error shape of the request's surface: the one place that does so. */
public final class ExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {
    }

    /** A body that crossed the size limit while it was read fails in whatever way the reader reports: it is a 413. */
    static Response tooLargeOrNull(UriInfo uri, HttpServletRequest request) {
        Object limit = request == null ? null : request.getAttribute(RequestSpineFilter.BODY_TOO_LARGE);
        return limit == null ? null
                : respond(uri, 413, "body is larger than the limit of " + limit + " bytes", Map.of("field", "body"));
    }

    static Response respond(UriInfo uri, int status, String message, Map<String, String> details) {
        return ErrorBodies.build(uri.getPath(), status, ErrorBodies.codeFor(status), message, details);
    }

    /** Domain validation (400, or 413 for sizes) and missing things (404). */
    @Provider
    public static class DomainExceptionMapper implements ExceptionMapper<RuntimeException> {
        @Context
        UriInfo uri;
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(RuntimeException e) {
            Response tooLarge = tooLargeOrNull(uri, request);
            if (tooLarge != null) {
                return tooLarge;
            }
            if (e instanceof FieldTooLargeException f) {
                String unit = switch (f.field()) {
                    case "body" -> "bytes";
                    case "items" -> "items";
                    default -> "characters";
                };
                return respond(uri, 413, f.field() + " is larger than the limit of " + f.limit() + " " + unit,
                        Map.of("field", f.field()));
            }
            if (e instanceof IngestionUnavailableException) {
                return Response.fromResponse(respond(uri, 503, "Ingestion is busy; retry shortly", Map.of()))
                        .header("Retry-After", "1").build();
            }
            if (e instanceof AuthenticationFailedException a) {
                note(a.reason());
                return Response.fromResponse(respond(uri, 401, a.getMessage(), Map.of()))
                        .header("WWW-Authenticate", "Bearer realm=\"quarterdeck\"").build();
            }
            if (e instanceof NotPermittedException n) {
                note(n.getMessage());
                return respond(uri, 403, n.getMessage(), Map.of());
            }
            if (e instanceof ConflictException c) {
                return respond(uri, 409, c.getMessage(), c.field() == null ? Map.of() : Map.of("field", c.field()));
            }
            if (e instanceof InvalidFieldException f) {
                return respond(uri, 400, "Invalid " + f.getMessage(), Map.of("field", f.field()));
            }
            if (e instanceof NotFoundException n) {
                // "api_key" reads "Api key not found" with details {"api_key_id": ...}; "log source" keys as log_source_id.
                return respond(uri, 404, n.hasOwnMessage() ? n.getMessage() : capitalize(n.kind().replace('_', ' ')) + " not found",
                        Map.of(n.kind().replace(' ', '_') + "_id", n.id()));
            }
            if (e instanceof UnsupportedBodyException u) {
                return respond(uri, 415, u.getMessage(), Map.of("field", u.field()));
            }
            if (e instanceof JsonException) {
                // JSON-P parsing outside the spine's reader (JSON-B bodies): any parser failure is the body's fault.
                return respond(uri, 400, "Invalid body: not valid JSON", Map.of("field", "body"));
            }
            if (e instanceof WebApplicationException w) {
                return WebApplicationExceptionMapper.map(uri, request, w);
            }
            return UnexpectedExceptionMapper.map(uri, request, e);
        }

        private void note(String reason) {
            if (request != null) {
                request.setAttribute(RequestAttributes.REFUSAL, reason);
            }
        }
    }

    /** JAX-RS's own refusals: unknown path, wrong method, unsupported media type, ... */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(WebApplicationException e) {
            return map(uri, request, e);
        }

        static Response map(UriInfo uri, HttpServletRequest request, WebApplicationException e) {
            Response tooLarge = tooLargeOrNull(uri, request);
            if (tooLarge != null) {
                return tooLarge;
            }
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            String message = switch (status) {
                case 400 -> "Bad request";
                case 401 -> "Authentication required";
                case 403 -> "Not allowed";
                case 404 -> "Not found";
                case 405 -> "Method not allowed";
                case 406 -> "Not acceptable";
                case 413 -> "Request body too large";
                case 415 -> "Unsupported media type";
                default -> status >= 500 ? "Internal server error" : "Request refused";
            };
            Response r = respond(uri, status, message, Map.of());
            if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
                return Response.fromResponse(r).header("Allow", e.getResponse().getHeaderString("Allow")).build();
            }
            return r;
        }
    }

    /** Checked exceptions and errors (runtime exceptions have their own mapper): a 500 with no detail; the cause is logged. */
    @Provider
    public static class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(Throwable e) {
            return map(uri, request, e);
        }

        static Response map(UriInfo uri, HttpServletRequest request, Throwable e) {
            Response tooLarge = tooLargeOrNull(uri, request);
            if (tooLarge != null) {
                return tooLarge;
            }
            if (e instanceof IOException) {
                // Reading the request failed (malformed chunked framing, a body cut off, bytes that are not the
                // declared Content-Encoding): the client's body, not the server, is at fault.
                return respond(uri, 400, "Invalid body: it could not be read", Map.of("field", "body"));
            }
            Object id = request == null ? null : request.getAttribute(RequestId.ATTRIBUTE);
            LOG.log(Level.SEVERE, "request " + id + " failed", e);
            return respond(uri, 500, "Internal server error (request id " + id + ")", Map.of());
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

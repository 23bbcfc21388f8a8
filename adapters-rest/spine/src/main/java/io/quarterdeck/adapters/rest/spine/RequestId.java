package io.quarterdeck.adapters.rest.spine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every response carries {@code X-Request-ID}: the client's when it sent a sane one, otherwise a new UUID. The id
 * is kept as the request attribute {@value #ATTRIBUTE} for error bodies, the audit log and log lines.
 */
public final class RequestId {
    public static final String HEADER = "X-Request-ID";
    public static final String ATTRIBUTE = "quarterdeck.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {
    }

    public static String assign(HttpServletRequest req, HttpServletResponse res) {
        String id = req.getHeader(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        req.setAttribute(ATTRIBUTE, id);
        res.setHeader(HEADER, id);
        return id;
    }

    /** The id of a request, or "-" outside one. */
    public static String of(HttpServletRequest req) {
        Object id = req == null ? null : req.getAttribute(ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }
}

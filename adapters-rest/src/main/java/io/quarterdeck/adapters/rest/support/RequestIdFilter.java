package io.quarterdeck.adapters.rest.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every response carries {@code X-Request-ID}: the client's when it sent a sane one, otherwise a new UUID. The id
 * is kept as the request attribute {@value #ATTRIBUTE} for error bodies and logs.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {
    public static final String HEADER = "X-Request-ID";
    public static final String ATTRIBUTE = "quarterdeck.requestId";
    private static final long serialVersionUID = 1L;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String id = req.getHeader(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        req.setAttribute(ATTRIBUTE, id);
        res.setHeader(HEADER, id);
        chain.doFilter(req, res);
    }
}

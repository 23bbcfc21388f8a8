package io.quarterdeck.adapters.rest.spine.body;

import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.Charset;

/**
 * Reads {@code application/x-www-form-urlencoded} bodies into a {@code MultivaluedMap<String, String>} in the charset
 * {@link BodyCharset} decides; a bad percent-escape or bytes invalid in the charset are a 400 naming {@code body}.
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Priority(Priorities.USER - 500)
public class FormReader implements MessageBodyReader<MultivaluedMap<String, String>> {
    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        if (!MultivaluedMap.class.isAssignableFrom(type)) {
            return false;
        }
        if (genericType instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                if (arg != String.class) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public MultivaluedMap<String, String> readFrom(Class<MultivaluedMap<String, String>> type, Type genericType,
                                                   Annotation[] annotations, MediaType mediaType,
                                                   MultivaluedMap<String, String> headers, InputStream in) {
        Charset charset = BodyCharset.of(mediaType);
        return parse(JsonBodies.decode(BoundedBody.readAll(in), charset), charset);
    }

    static MultivaluedMap<String, String> parse(String text, Charset charset) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (text.isEmpty()) {
            return form;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            form.add(name, value);
        }
        return form;
    }

    private static String decode(String s, Charset charset) {
        try {
            return URLDecoder.decode(s, charset);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("body", "has a bad percent-escape");
        }
    }
}

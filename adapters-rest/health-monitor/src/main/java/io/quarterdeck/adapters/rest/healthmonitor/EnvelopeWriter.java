package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.adapters.rest.spine.JsonbConfiguration;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the success envelope. An envelope holding one error (what every ingestion answers) is streamed with
 * JSON-P, field by field, exactly as JSON-B would write it (snake_case names in lexicographic order, null fields
 * left out; {@code EnvelopeWriterTest} compares the two byte for byte): JSON-B's reflective serialization cost
 * twice the CPU of the rest of the response on the ingestion path. Every other envelope goes to JSON-B.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class EnvelopeWriter implements MessageBodyWriter<Envelope<?>> {
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Envelope.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Envelope<?> envelope, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        write(envelope, out);
    }

    static void write(Envelope<?> envelope, OutputStream out) throws IOException {
        if (!(envelope.data() instanceof ErrorDto error)) {
            out.write(JsonbConfiguration.shared().toJson(envelope).getBytes(StandardCharsets.UTF_8));
            return;
        }
        // The generator must not close the container's stream, nor flush it: the container sends the response in one
        // write with a Content-Length when it is done, where a flush here would send it early, chunked, in two.
        JsonGenerator g = JSON.createGenerator(new NonClosing(out)); // UTF-8
        g.writeStartObject();
        g.writeKey("data");
        write(g, error);
        if (envelope.status() != null) {
            g.write("status", envelope.status());
        }
        g.writeEnd();
        g.close();
    }

    /** Lexicographic order of the JSON names, as JSON-B's default property order. */
    static void write(JsonGenerator g, ErrorDto e) {
        g.writeStartObject();
        if (e.context() != null) {
            g.writeKey("context");
            value(g, e.context());
        }
        g.write("count", e.count());
        string(g, "created_at", e.createdAt());
        string(g, "environment", e.environment());
        string(g, "fingerprint", e.fingerprint());
        string(g, "first_seen", e.firstSeen());
        g.write("grouping_version", e.groupingVersion());
        string(g, "id", e.id());
        string(g, "ip_address", e.ipAddress());
        string(g, "last_seen", e.lastSeen());
        string(g, "level", e.level());
        string(g, "message", e.message());
        g.write("regressed", e.regressed());
        g.write("resolved", e.resolved());
        string(g, "source", e.source());
        string(g, "stack_trace", e.stackTrace());
        string(g, "timestamp", e.timestamp());
        string(g, "updated_at", e.updatedAt());
        string(g, "url", e.url());
        string(g, "user_agent", e.userAgent());
        g.writeEnd();
    }

    private static void string(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.write(name, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void value(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.write(s);
        } else if (v instanceof BigDecimal n) {
            g.write(n);
        } else if (v instanceof Boolean b) {
            g.write(b);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            ((Map<String, Object>) m).forEach((k, x) -> {
                g.writeKey(k);
                value(g, x);
            });
            g.writeEnd();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            l.forEach(x -> value(g, x));
            g.writeEnd();
        } else {
            g.write(v.toString());
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // the container's stream stays open and unflushed (see writeTo)
        }
    }
}

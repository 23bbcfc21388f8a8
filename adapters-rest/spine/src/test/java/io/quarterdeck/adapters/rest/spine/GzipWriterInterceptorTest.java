package io.quarterdeck.adapters.rest.spine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipWriterInterceptorTest {
    @Test
    void accept_encoding_is_read_with_its_qualities() {
        assertTrue(GzipWriterInterceptor.acceptsGzip("gzip, deflate, br"));
        assertTrue(GzipWriterInterceptor.acceptsGzip("br;q=1.0, gzip;q=0.8"));
        assertTrue(GzipWriterInterceptor.acceptsGzip("*"));
        assertTrue(GzipWriterInterceptor.acceptsGzip("x-gzip"));
        assertFalse(GzipWriterInterceptor.acceptsGzip("gzip;q=0"));
        assertFalse(GzipWriterInterceptor.acceptsGzip("*, gzip;q=0"));
        assertFalse(GzipWriterInterceptor.acceptsGzip("identity"));
        assertFalse(GzipWriterInterceptor.acceptsGzip("br"));
        assertFalse(GzipWriterInterceptor.acceptsGzip(null));
        assertFalse(GzipWriterInterceptor.acceptsGzip("gzip;q=nonsense"));
    }

    @Test
    void a_body_of_at_most_1_kb_is_sent_as_it_is() throws IOException {
        byte[] body = "x".repeat(GzipWriterInterceptor.THRESHOLD).getBytes(StandardCharsets.UTF_8);
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        GzipWriterInterceptor.ThresholdGzipStream out = new GzipWriterInterceptor.ThresholdGzipStream(sent, headers);
        out.write(body, 0, 600);
        out.write(body, 600, body.length - 600);
        out.finish();
        assertArrayEquals(body, sent.toByteArray());
        assertNull(headers.getFirst("Content-Encoding"));
    }

    @Test
    void a_larger_body_is_gzipped_whole_however_it_was_written() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            json.append("{\"id\":\"").append(i).append("\",\"level\":\"error\"},");
        }
        byte[] body = json.append("{}]").toString().getBytes(StandardCharsets.UTF_8);
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Length", body.length);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        GzipWriterInterceptor.ThresholdGzipStream out = new GzipWriterInterceptor.ThresholdGzipStream(sent, headers);
        for (int i = 0; i < 700; i++) {
            out.write(body[i]);
        }
        out.write(body, 700, body.length - 700);
        out.finish();
        assertEquals("gzip", headers.getFirst("Content-Encoding"));
        assertFalse(headers.containsKey("Content-Length"));
        assertTrue(sent.size() < body.length / 4, "compressed to " + sent.size() + " of " + body.length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(sent.toByteArray()))) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }
}

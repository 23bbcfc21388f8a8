package io.quarterdeck.adapters.rest.spine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Responses over {@value #THRESHOLD} bytes are gzip-compressed when the client accepts gzip (seed 002: "GZip
 * compression for responses > 1KB"); smaller ones are sent as they are, since compressing them costs more than it
 * saves. The body is held back until it crosses the threshold, so the decision is made before the first byte.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class GzipWriterInterceptor implements WriterInterceptor {
    static final int THRESHOLD = 1024;

    @Context
    HttpHeaders request;

    @Override
    public void aroundWriteTo(WriterInterceptorContext ctx) throws IOException {
        MultivaluedMap<String, Object> headers = ctx.getHeaders();
        if (headers.containsKey("Content-Encoding") || !acceptsGzip(request == null ? null
                : request.getHeaderString("Accept-Encoding"))) {
            ctx.proceed();
            return;
        }
        headers.add("Vary", "Accept-Encoding");
        ThresholdGzipStream out = new ThresholdGzipStream(ctx.getOutputStream(), headers);
        ctx.setOutputStream(out);
        try {
            ctx.proceed();
        } finally {
            out.finish();
        }
    }

    /** Does an {@code Accept-Encoding} value admit gzip (by name or {@code *}) with a quality above zero? */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean star = false;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (p.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(p.substring(2)) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return !refused;
            }
            if (coding.equals("*")) {
                star = !refused;
            }
        }
        return star;
    }

    /** Buffers up to the threshold; past it, switches to gzip (setting the headers first). */
    static final class ThresholdGzipStream extends OutputStream {
        private final OutputStream target;
        private final MultivaluedMap<String, Object> headers;
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream(THRESHOLD + 1);
        private GZIPOutputStream gzip;

        ThresholdGzipStream(OutputStream target, MultivaluedMap<String, Object> headers) {
            this.target = target;
            this.headers = headers;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (gzip != null) {
                gzip.write(b, off, len);
                return;
            }
            buffer.write(b, off, len);
            if (buffer.size() > THRESHOLD) {
                headers.putSingle("Content-Encoding", "gzip");
                headers.remove("Content-Length");
                gzip = new GZIPOutputStream(target, 8192);
                buffer.writeTo(gzip);
                buffer = null;
            }
        }

        @Override
        public void flush() throws IOException {
            if (gzip != null) {
                gzip.flush();
            }
        }

        /** Ends the body: the held-back bytes as they are, or the end of the gzip stream. */
        void finish() throws IOException {
            if (gzip != null) {
                gzip.finish();
            } else if (buffer != null) {
                buffer.writeTo(target);
                buffer = null;
            }
        }

        @Override
        public void close() throws IOException {
            finish();
            target.close();
        }
    }
}

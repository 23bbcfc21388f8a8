package io.quarterdeck.adapters.rest.spine.body;

import io.quarterdeck.domain.shared.FieldTooLargeException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit; a larger body is refused as too large (413) without reading it all. A body that
 * cannot be read (a malformed chunked framing, {@code Content-Encoding: gzip} on bytes that are not gzip, a client
 * gone half-way) is a 400 naming {@code body}, never an I/O failure of the server; a body that crossed the spine's
 * size limit while being read is still answered 413 by the exception mappers.
 */
public final class BoundedBody {
    private BoundedBody() {
    }

    public static byte[] read(InputStream in, long declaredLength, int limit) {
        if (declaredLength > limit) {
            throw new FieldTooLargeException("body", limit);
        }
        try {
            return readUnchecked(in, declaredLength, limit);
        } catch (IOException | RuntimeException e) {
            if (e instanceof FieldTooLargeException f) {
                throw f;
            }
            throw unreadable();
        }
    }

    /** The whole body (the spine's filter bounds its size). */
    public static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    private static InvalidFieldException unreadable() {
        return new InvalidFieldException("body", "could not be read (check Content-Encoding and Transfer-Encoding)");
    }

    private static byte[] readUnchecked(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength >= 0) {
            // The container delivers no more than the declared length; a shorter body fails as unreadable JSON.
            return in.readNBytes((int) declaredLength);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buf)) != -1; ) {
            total += n;
            if (total > limit) {
                throw new FieldTooLargeException("body", limit);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}

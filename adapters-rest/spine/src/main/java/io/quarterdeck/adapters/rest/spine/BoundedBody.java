package io.quarterdeck.adapters.rest.spine;

import io.quarterdeck.domain.shared.FieldTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit; a larger body is refused as too large (413) without reading it all. */
public final class BoundedBody {
    private BoundedBody() {
    }

    public static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) {
            throw new FieldTooLargeException("body", limit);
        }
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

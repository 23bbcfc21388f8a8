package io.quarterdeck.adapters.rest.spine.body;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.domain.shared.FieldTooLargeException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
    private static ByteArrayInputStream bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return new ByteArrayInputStream(b);
    }

    @Test
    void a_declared_length_is_read_whole() throws IOException {
        assertArrayEquals(bytes(20_000).readAllBytes(), BoundedBody.read(bytes(20_000), 20_000, 65_536));
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_before_reading() {
        ByteArrayInputStream in = bytes(10);
        assertThrows(FieldTooLargeException.class, () -> BoundedBody.read(in, 1_000_000, 1_000));
        assertArrayEquals(bytes(10).readAllBytes(), in.readAllBytes(), "nothing was consumed");
    }

    @Test
    void a_chunked_body_is_read_up_to_the_limit_and_refused_beyond_it() throws IOException {
        assertArrayEquals(bytes(1_000).readAllBytes(), BoundedBody.read(bytes(1_000), -1, 1_000));
        assertThrows(FieldTooLargeException.class, () -> BoundedBody.read(bytes(1_001), -1, 1_000));
        assertThrows(FieldTooLargeException.class, () -> BoundedBody.read(bytes(50_000), -1, 20_000));
    }

    @Test
    void a_body_shorter_than_declared_comes_back_as_sent() throws IOException {
        assertArrayEquals(bytes(5).readAllBytes(), BoundedBody.read(bytes(5), 100, 1_000));
    }

    @Test
    void a_body_that_fails_while_read_is_a_400_naming_body_not_an_io_failure() {
        java.io.InputStream broken = new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new java.util.zip.ZipException("Not in GZIP format");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new java.util.zip.ZipException("Not in GZIP format");
            }
        };
        assertEquals("body", assertThrows(InvalidFieldException.class, () -> BoundedBody.read(broken, -1, 1_000)).field());
        assertEquals("body", assertThrows(InvalidFieldException.class, () -> BoundedBody.readAll(broken)).field());
    }
}

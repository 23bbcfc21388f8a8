package io.quarterdeck.adapters.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A bounded pipe from the WebSocket's threads to the thread docker-java copies an exec's stdin on: one ring buffer
 * allocated once, so keys do not allocate per write; a writer waits while it is full (the socket then stops
 * reading, and the client is slowed instead of the server buffering without bound). Unlike
 * {@code PipedInputStream} it does not care which threads write.
 */
final class StdinPipe extends InputStream {
    private final byte[] ring;
    private int head;
    private int size;
    private boolean closed;

    StdinPipe(int capacity) {
        this.ring = new byte[capacity];
    }

    /** Blocks while full; false when the pipe was closed (the bytes are dropped). */
    synchronized boolean write(byte[] data, int offset, int length) throws InterruptedException {
        int i = 0;
        while (i < length) {
            while (size == ring.length && !closed) {
                wait();
            }
            if (closed) {
                return false;
            }
            int tail = (head + size) % ring.length;
            int n = Math.min(length - i, Math.min(ring.length - size, ring.length - tail));
            System.arraycopy(data, offset + i, ring, tail, n);
            size += n;
            i += n;
            notifyAll();
        }
        return true;
    }

    /** Writes what fits now without waiting (used when closing). */
    synchronized void write(byte[] data, int offset, int length, boolean noWait) {
        for (int i = 0; i < length && size < ring.length && !closed; i++) {
            ring[(head + size) % ring.length] = data[offset + i];
            size++;
        }
        notifyAll();
    }

    @Override
    public synchronized int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        try {
            while (size == 0 && !closed) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stdin pipe interrupted");
        }
        if (size == 0) {
            return -1;
        }
        int n = Math.min(len, Math.min(size, ring.length - head));
        System.arraycopy(ring, head, b, off, n);
        head = (head + n) % ring.length;
        size -= n;
        notifyAll();
        return n;
    }

    @Override
    public synchronized int available() {
        return size;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}

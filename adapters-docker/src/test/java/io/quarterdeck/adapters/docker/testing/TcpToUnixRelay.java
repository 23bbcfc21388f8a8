package io.quarterdeck.adapters.docker.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A second listener for the same dockerd: {@code tcp://127.0.0.1:PORT} relayed byte for byte to the engine's unix
 * socket (JDK 16+ unix channels, nothing to install). {@link #stop()} makes the engine "go away" (listener and
 * every relayed connection closed); {@link #start()} brings it back on the same port.
 */
public final class TcpToUnixRelay implements AutoCloseable {
    private final Path socket;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;
    private int port;

    public TcpToUnixRelay(Path socket) {
        this.socket = socket;
    }

    public synchronized TcpToUnixRelay start() throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open();
        s.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
        s.bind(new InetSocketAddress("127.0.0.1", port));
        port = ((InetSocketAddress) s.getLocalAddress()).getPort();
        server = s;
        Thread accept = new Thread(() -> accept(s), "relay-accept-" + port);
        accept.setDaemon(true);
        accept.start();
        return this;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private void accept(ServerSocketChannel s) {
        while (s.isOpen()) {
            try {
                SocketChannel client = s.accept();
                SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                engine.connect(UnixDomainSocketAddress.of(socket));
                synchronized (this) {
                    // a connection accepted while stop() ran (a late stats call of the last list) must not outlive it
                    if (server != s) {
                        closeQuietly(client);
                        closeQuietly(engine);
                        return;
                    }
                    open.add(client);
                    open.add(engine);
                }
                pump(client, engine);
                pump(engine, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    public synchronized void stop() {
        closeQuietly(server);
        server = null;
        for (SocketChannel c : open) {
            closeQuietly(c);
        }
        open.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            // closing
        }
    }
}

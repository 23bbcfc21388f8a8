package io.quarterdeck.adapters.observability.loki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A WebSocket server in plain JDK sockets (RFC 6455, just enough for a test): it answers the upgrade, records each
 * connection's request target, and lets the test send unmasked text frames or drop the connection, as Loki's
 * {@code /loki/api/v1/tail} would.
 */
final class TinyWebSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    TinyWebSocketServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "tiny-ws");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                String request = head(s.getInputStream());
                String target = request.split(" ")[1];
                String key = null;
                for (String line : request.split("\r\n")) {
                    if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                        key = line.substring(line.indexOf(':') + 1).trim();
                    }
                }
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                connections.add(new Connection(s, target));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            byte[] so = b.toByteArray();
            int n = so.length;
            if (n >= 4 && so[n - 4] == '\r' && so[n - 3] == '\n' && so[n - 2] == '\r' && so[n - 1] == '\n') {
                break;
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    static String accept(String key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One accepted connection: its request target, and frames to send. */
    record Connection(Socket socket, String target) {
        void sendText(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream f = new ByteArrayOutputStream();
            f.write(0x81);
            if (payload.length < 126) {
                f.write(payload.length);
            } else {
                f.write(126);
                f.write(payload.length >> 8);
                f.write(payload.length & 0xff);
            }
            f.write(payload);
            socket.getOutputStream().write(f.toByteArray());
            socket.getOutputStream().flush();
        }

        /** Sends a close frame (1011) and drops the connection, as a Loki that goes away. */
        void drop() throws IOException {
            socket.getOutputStream().write(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xF3});
            socket.getOutputStream().flush();
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

}

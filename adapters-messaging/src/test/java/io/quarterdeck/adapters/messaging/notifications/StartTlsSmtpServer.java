package io.quarterdeck.adapters.messaging.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal SMTP server (RFC 5321 subset) that offers STARTTLS (RFC 3207) and upgrades the connection with the JDK's
 * TLS on that command; it accepts AUTH PLAIN and mail only over TLS. GreenMail offers no STARTTLS
 * (greenmail-mail-test/greenmail#135), so this stands in for a real server's upgrade. Serves one connection at a time.
 */
final class StartTlsSmtpServer implements AutoCloseable {
    /** A message as received, with what the connection was when it arrived. */
    record Received(String from, List<String> to, String data, String tlsProtocol, String cipherSuite,
                    String authenticatedUser) {
    }

    private final ServerSocket listener;
    private final SSLContext tls;
    private final String user;
    private final String password;
    private final Thread thread;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> commandsInClear = new CopyOnWriteArrayList<>();

    StartTlsSmtpServer(SSLContext tls, String user, String password) throws IOException {
        this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.tls = tls;
        this.user = user;
        this.password = password;
        this.thread = new Thread(this::serve, "starttls-smtp");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                s.setSoTimeout(10_000);
                session(s);
            } catch (IOException | RuntimeException e) {
                // the connection ends; the next one is served
            }
        }
    }

    private void session(Socket plain) throws IOException {
        Socket s = plain;
        BufferedReader in = reader(s);
        OutputStream out = s.getOutputStream();
        reply(out, "220 localhost ESMTP test");
        SSLSocket secure = null;
        String authenticated = null;
        String from = null;
        List<String> to = new CopyOnWriteArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            String verb = line.split(" ", 2)[0].toUpperCase();
            if (secure == null) {
                commandsInClear.add(verb);
            }
            switch (verb) {
                case "EHLO" -> reply(out, secure == null ? "250-localhost\r\n250 STARTTLS"
                        : "250-localhost\r\n250 AUTH PLAIN");
                case "HELO" -> reply(out, "250 localhost");
                case "STARTTLS" -> {
                    if (secure != null) {
                        reply(out, "503 TLS already active");
                        break;
                    }
                    reply(out, "220 Ready to start TLS");
                    secure = (SSLSocket) tls.getSocketFactory().createSocket(s, s.getInetAddress().getHostAddress(),
                            s.getPort(), true);
                    secure.setUseClientMode(false);
                    secure.startHandshake();
                    s = secure;
                    in = reader(s);
                    out = s.getOutputStream();
                }
                case "AUTH" -> {
                    String[] parts = line.split(" ");
                    if (secure == null || parts.length < 3 || !parts[1].equalsIgnoreCase("PLAIN")) {
                        reply(out, "530 Must issue a STARTTLS command first");
                        break;
                    }
                    String[] creds = new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8)
                            .split("\0", -1);
                    if (creds.length == 3 && creds[1].equals(user) && creds[2].equals(password)) {
                        authenticated = creds[1];
                        reply(out, "235 2.7.0 Authentication successful");
                    } else {
                        reply(out, "535 5.7.8 Authentication credentials invalid");
                    }
                }
                case "MAIL" -> {
                    if (secure == null || authenticated == null) {
                        reply(out, "530 Authentication required");
                        break;
                    }
                    from = line.substring(line.indexOf(':') + 1).trim();
                    to.clear();
                    reply(out, "250 OK");
                }
                case "RCPT" -> {
                    to.add(line.substring(line.indexOf(':') + 1).trim());
                    reply(out, "250 OK");
                }
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder data = new StringBuilder();
                    for (String d; (d = in.readLine()) != null && !d.equals("."); ) {
                        data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                    }
                    received.add(new Received(from, List.copyOf(to), data.toString(),
                            secure.getSession().getProtocol(), secure.getSession().getCipherSuite(), authenticated));
                    reply(out, "250 OK queued");
                }
                case "RSET", "NOOP" -> reply(out, "250 OK");
                case "QUIT" -> {
                    reply(out, "221 Bye");
                    return;
                }
                default -> reply(out, "502 Command not implemented");
            }
        }
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}

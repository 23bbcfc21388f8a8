import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The floor under the terminal round trip (bench/containers.sh): the same rounds as {@code TerminalRoundTrip.java}
 * (type {@code echo $((K+1000000))}, wait for the shell's answer line, which the TTY's echo of the typed keys does
 * not contain), straight against the Docker Engine, without Quarterdeck:
 * <ul>
 * <li>{@code raw}: JDK 17 only. {@code POST /containers/{id}/exec} ({@code Tty:true}, {@code /bin/sh}), then
 * {@code POST /exec/{id}/start} hijacked over a unix-domain {@link SocketChannel}; one thread writes the keys and
 * reads the output with blocking calls (no hand-off at all).</li>
 * <li>{@code docker-java}: docker-java 3.7 with the httpclient5 transport, wired as Quarterdeck's adapter wires it
 * (exec create, exec start with {@code withTty(true)} and stdin from a wait/notify pipe, output frames to a
 * callback): the keys are handed to docker-java's stdin copy thread, the output comes back on its frame reader
 * thread and is handed to the main thread.</li>
 * </ul>
 * Like TerminalRoundTrip it answers the shell's cursor-position query ({@code ESC [ 6 n}) as a terminal does, unless
 * {@code no-answer} is given: busybox ash sleeps 20 ms on Enter while that query is unanswered.
 * Prints {@code RESULT mode=.. n=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. first_byte_p50_ms=..}. The docker-java mode needs the
 * adapter's runtime class path ({@code -cp}); containers.sh passes the one the build wrote.
 *
 *   java -cp CLASSPATH bench/EngineRoundTrip.java raw|docker-java DOCKER_SOCKET CONTAINER [N] [WARMUP] [answer|no-answer]
 */
public class EngineRoundTrip {
    /** The cursor position query (DSR 6) busybox ash's line editor sends after each prompt. */
    static final String QUERY = "\u001b[6n";
    /**
     * A terminal's answer to it: the cursor on the last row of the 24-row TTY, column 5 (after "/ # "). Not row 1:
     * busybox 1.35's key reader takes {@code ESC [ 1 ; 5} for the start of Ctrl+arrow and then drops the report.
     */
    static final byte[] REPORT = "\u001b[24;5R".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String socket = args[1];
        String container = args[2];
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        Shell shell = switch (mode) {
            case "raw" -> RawShell.open(socket, container);
            case "docker-java" -> DockerJavaShell.open(socket, container);
            default -> throw new IllegalArgumentException("mode: raw or docker-java, not " + mode);
        };
        boolean answer = args.length <= 5 || !args[5].equals("no-answer");
        long[] ns = new long[n];
        long[] first = new long[n];
        StringBuilder seen = new StringBuilder();
        watchdog(seen);
        // the banner and the first prompt; busybox ash then asks the terminal where the cursor is (ESC [ 6 n)
        Thread.sleep(500);
        shell.drainInto(seen);
        boolean asks = seen.indexOf(QUERY) >= 0;
        if (asks && answer) {
            shell.type(REPORT);
        }
        for (int i = -warmup; i < n; i++) {
            int k = i + warmup;
            String expect = "\n" + (k + 1000000) + "\r\n";
            seen.setLength(0);
            long start = System.nanoTime();
            shell.type(("echo $((" + k + "+1000000))\r").getBytes(StandardCharsets.UTF_8));
            long firstByte = 0;
            int at;
            while ((at = seen.indexOf(expect)) < 0) {
                shell.readInto(seen);
                progress = System.nanoTime();
                if (firstByte == 0) {
                    firstByte = System.nanoTime() - start;
                }
            }
            if (i >= 0) {
                ns[i] = System.nanoTime() - start;
                first[i] = firstByte;
            }
            // untimed: the next prompt (and its cursor query, answered as a terminal answers it), so the next line
            // is typed at a prompt, as a person types it
            String prompt = asks ? QUERY : "# ";
            while (seen.indexOf(prompt, at + expect.length()) < 0) {
                shell.readInto(seen);
                progress = System.nanoTime();
            }
            if (asks && answer) {
                shell.type(REPORT);
            }
        }
        shell.type("exit\r".getBytes(StandardCharsets.UTF_8));
        shell.awaitEnd();
        shell.close();
        Arrays.sort(ns);
        Arrays.sort(first);
        System.out.printf("RESULT mode=%s%s n=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f first_byte_p50_ms=%.2f%n",
                mode, answer ? "" : "/no-answer", n, ns[n / 2] / 1e6, ns[n * 9 / 10] / 1e6, ns[Math.min(n - 1, n * 99 / 100)] / 1e6,
                ns[n - 1] / 1e6, first[n / 2] / 1e6);
    }

    private static volatile long progress = System.nanoTime();

    /** Gives up (exit 2) when the TTY prints nothing for 10 s, showing what it printed last. */
    private static void watchdog(StringBuilder seen) {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() - progress > TimeUnit.SECONDS.toNanos(10)) {
                    String tail;
                    synchronized (seen) {
                        tail = seen.toString();
                    }
                    System.err.println("no output for 10 s; last seen: " + tail.replace("\u001b", "ESC"));
                    System.exit(2);
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    interface Shell extends AutoCloseable {
        void type(byte[] keys) throws Exception;

        /** Appends what the TTY printed next (blocks until something came; fails after 10 s or at the end). */
        void readInto(StringBuilder seen) throws Exception;

        /** Appends what the TTY printed so far without waiting. */
        void drainInto(StringBuilder seen) throws Exception;

        /** Waits (up to 10 s) for the stream to end after the shell was told to exit. */
        void awaitEnd() throws Exception;
    }

    /** HTTP/1.1 by hand over the engine's unix socket; the exec's stream is the hijacked connection itself. */
    static final class RawShell implements Shell {
        private final SocketChannel stream;
        private final ByteBuffer in = ByteBuffer.allocate(8192);

        private RawShell(SocketChannel stream, byte[] early) {
            this.stream = stream;
            in.put(early).flip();
        }

        static RawShell open(String socket, String container) throws IOException {
            String created = new String(request(socket, "POST", "/containers/" + container + "/exec",
                    "{\"AttachStdin\":true,\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":true,"
                            + "\"Env\":[\"TERM=xterm\"],\"Cmd\":[\"/bin/sh\"]}", false, null), StandardCharsets.UTF_8);
            int at = created.indexOf("\"Id\":\"");
            if (!created.startsWith("HTTP/1.1 201") || at < 0) {
                throw new IllegalStateException("exec create: " + created);
            }
            String id = created.substring(at + 6, created.indexOf('"', at + 6));
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
            byte[] rest = request(socket, "POST", "/exec/" + id + "/start", "{\"Detach\":false,\"Tty\":true}", true, ch);
            request(socket, "POST", "/exec/" + id + "/resize?h=24&w=80", null, false, null); // as the adapter does
            return new RawShell(ch, rest);
        }

        /**
         * One request; with {@code upgrade} on the given channel, returning the bytes after the 101 header (the stream
         * has begun), else on a new connection closed by the engine after the answer, returning the whole answer.
         */
        private static byte[] request(String socket, String method, String path, String body, boolean upgrade,
                                      SocketChannel given) throws IOException {
            SocketChannel ch = given;
            if (ch == null) {
                ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.connect(UnixDomainSocketAddress.of(socket));
            }
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + b.length + "\r\n"
                    + (upgrade ? "Connection: Upgrade\r\nUpgrade: tcp\r\n" : "Connection: close\r\n") + "\r\n";
            ByteBuffer out = ByteBuffer.allocate(head.length() + b.length);
            out.put(head.getBytes(StandardCharsets.US_ASCII)).put(b).flip();
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ByteBuffer answer = ByteBuffer.allocate(64 * 1024);
            while (true) {
                int r = ch.read(answer);
                if (upgrade) {
                    String s = new String(answer.array(), 0, answer.position(), StandardCharsets.ISO_8859_1);
                    int end = s.indexOf("\r\n\r\n");
                    if (end >= 0) {
                        if (!s.startsWith("HTTP/1.1 101")) {
                            throw new IllegalStateException("exec start: " + s);
                        }
                        return Arrays.copyOfRange(answer.array(), end + 4, answer.position());
                    }
                }
                if (r < 0) {
                    break;
                }
            }
            ch.close();
            return Arrays.copyOf(answer.array(), answer.position());
        }

        @Override
        public void type(byte[] keys) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(keys);
            while (b.hasRemaining()) {
                stream.write(b);
            }
        }

        @Override
        public void readInto(StringBuilder seen) throws IOException {
            if (!in.hasRemaining()) {
                in.clear();
                if (stream.read(in) < 0) {
                    throw new IllegalStateException("the exec stream ended after [" + seen + "]");
                }
                in.flip();
            }
            seen.append(new String(in.array(), in.position(), in.remaining(), StandardCharsets.UTF_8));
            in.position(in.limit());
        }

        @Override
        public void drainInto(StringBuilder seen) throws IOException {
            stream.configureBlocking(false);
            try {
                do {
                    seen.append(new String(in.array(), in.position(), in.remaining(), StandardCharsets.UTF_8));
                    in.clear();
                    stream.read(in);
                    in.flip();
                } while (in.hasRemaining());
            } finally {
                stream.configureBlocking(true);
            }
        }

        @Override
        public void awaitEnd() throws IOException {
            in.clear();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stream.read(in) >= 0 && System.nanoTime() < until) {
                in.clear();
            }
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /** As the adapter (DockerContainerEngine.exec): docker-java's own threads carry the keys and the output. */
    static final class DockerJavaShell implements Shell {
        private final DockerClient client;
        private final Pipe stdin = new Pipe();
        private final LinkedBlockingQueue<byte[]> output = new LinkedBlockingQueue<>();
        private final ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                output.add(frame.getPayload());
            }

            @Override
            public void onComplete() {
                output.add(new byte[0]);
            }
        };

        private DockerJavaShell(DockerClient client) {
            this.client = client;
        }

        static DockerJavaShell open(String socket, String container) {
            String host = "unix://" + socket;
            var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host)
                    .withDockerTlsVerify(false).build();
            var http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host)).maxConnections(10).build();
            DockerJavaShell shell = new DockerJavaShell(DockerClientImpl.getInstance(config, http));
            String id = shell.client.execCreateCmd(container).withCmd("/bin/sh").withTty(true).withAttachStdin(true)
                    .withAttachStdout(true).withAttachStderr(true).withEnv(List.of("TERM=xterm")).exec().getId();
            shell.client.execStartCmd(id).withTty(true).withStdIn(shell.stdin).exec(shell.callback);
            shell.client.resizeExecCmd(id).withSize(24, 80).exec();
            return shell;
        }

        @Override
        public void type(byte[] keys) {
            stdin.write(keys);
        }

        @Override
        public void readInto(StringBuilder seen) throws InterruptedException {
            byte[] b = output.poll(10, TimeUnit.SECONDS);
            if (b == null || b.length == 0) {
                throw new IllegalStateException("no output (or the end) after [" + seen + "]");
            }
            seen.append(new String(b, StandardCharsets.UTF_8));
        }

        @Override
        public void drainInto(StringBuilder seen) {
            for (byte[] b = output.poll(); b != null && b.length > 0; b = output.poll()) {
                seen.append(new String(b, StandardCharsets.UTF_8));
            }
        }

        @Override
        public void awaitEnd() throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (byte[] b = new byte[1]; b != null && b.length > 0 && System.nanoTime() < until; ) {
                b = output.poll(10, TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() throws Exception {
            stdin.close();
            callback.close();
            client.close();
        }
    }

    /** Keys to docker-java's stdin copy thread: wait/notify, as the adapter's StdinPipe. */
    static final class Pipe extends InputStream {
        private byte[] pending = new byte[0];
        private int at;
        private boolean closed;

        synchronized void write(byte[] keys) {
            byte[] joined = Arrays.copyOf(pending, pending.length - at + keys.length);
            System.arraycopy(pending, at, joined, 0, pending.length - at);
            System.arraycopy(keys, 0, joined, pending.length - at, keys.length);
            pending = joined;
            at = 0;
            notifyAll();
        }

        @Override
        public synchronized int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            while (at == pending.length && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            if (at == pending.length) {
                return -1;
            }
            int k = Math.min(len, pending.length - at);
            System.arraycopy(pending, at, b, off, k);
            at += k;
            return k;
        }

        @Override
        public synchronized void close() {
            closed = true;
            notifyAll();
        }
    }
}

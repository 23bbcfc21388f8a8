import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log socket latency driver (bench/log-latency.sh runs it against a started server that collects the local
 * engine's container logs).
 *
 * <pre>java bench/LogLatency.java WS_BASE API_KEY NAME SUBSCRIBERS LINES INTERVAL_MS WAIT_S</pre>
 * connects SUBSCRIBERS sockets to WS_BASE/ws/logs/NAME (X-API-Key), waits for every {"type":"subscribed"}, then runs
 * a busybox container NAME ({@code docker run --network none local/busybox:1}) that sleeps WAIT_S seconds (so that the
 * collector, which looks for new containers every 10 s, follows it before the first line) and then prints LINES lines,
 * one every INTERVAL_MS. Every subscriber records, for every line it receives, the receive time minus the line's
 * timestamp (the engine's timestamp of the line, taken when the container wrote it: {@code docker logs
 * --timestamps}), and the driver prints
 * RESULT subscribers=.. lines=.. expected=.. received=.. dropped=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=..
 * The container is removed at the end.
 */
public final class LogLatency {
    private static final Pattern TS = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    private static final Pattern SEQ = Pattern.compile("latency-line (\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String name = args[2];
        int subscribers = Integer.parseInt(args[3]);
        int lines = Integer.parseInt(args[4]);
        int intervalMs = Integer.parseInt(args[5]);
        int waitS = Integer.parseInt(args[6]);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch subscribed = new CountDownLatch(subscribers);
        List<Subscriber> subs = new ArrayList<>();
        List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            Subscriber s = new Subscriber(lines, subscribed);
            subs.add(s);
            sockets.add(client.newWebSocketBuilder().header("X-API-Key", key).connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(base + "/ws/logs/" + name), s));
            if (i % 20 == 19) {
                Thread.sleep(50); // do not open them all in one burst: the handshakes check the key one by one
            }
        }
        for (CompletableFuture<WebSocket> f : sockets) {
            f.get(60, TimeUnit.SECONDS);
        }
        if (!subscribed.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(subscribed.getCount() + " subscribers were not confirmed");
        }
        System.out.println("subscribed: " + subscribers);

        String script = "sleep " + waitS + "; i=0; while [ $i -lt " + lines + " ]; do echo \"INFO latency-line $i\";"
                + " i=$((i+1)); usleep " + (intervalMs * 1000) + "; done; sleep 3";
        run("docker", "rm", "-f", name);
        long started = System.currentTimeMillis();
        run("docker", "run", "-d", "--network", "none", "--name", name, "local/busybox:1", "sh", "-c", script);
        long deadline = started + (waitS + 15) * 1000L + (long) lines * intervalMs * 3;
        while (System.currentTimeMillis() < deadline) {
            long done = subs.stream().filter(s -> s.received.get() >= lines).count();
            if (done == subscribers) {
                break;
            }
            Thread.sleep(200);
        }
        run("docker", "rm", "-f", name);

        long total = 0;
        long dropped = 0;
        int n = 0;
        for (Subscriber s : subs) {
            total += s.received.get();
            dropped += s.dropped.get();
        }
        long[] all = new long[(int) total];
        for (Subscriber s : subs) {
            synchronized (s) {
                for (int i = 0; i < s.count && n < all.length; i++) {
                    all[n++] = s.latencies[i];
                }
            }
        }
        all = Arrays.copyOf(all, n);
        Arrays.sort(all);
        for (WebSocket w : sockets.stream().map(CompletableFuture::join).toList()) {
            w.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        System.out.printf("RESULT subscribers=%d lines=%d interval_ms=%d expected=%d received=%d dropped=%d"
                + " p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", subscribers, lines, intervalMs,
                (long) subscribers * lines, n, dropped, pct(all, 0.50), pct(all, 0.90), pct(all, 0.99),
                all.length == 0 ? Double.NaN : all[all.length - 1] / 1000.0);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
    }

    /** One subscriber: latencies in microseconds, per line received. */
    static final class Subscriber implements WebSocket.Listener {
        final long[] latencies;
        int count;
        final AtomicLong received = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        private final CountDownLatch subscribed;
        private final StringBuilder partial = new StringBuilder();

        Subscriber(int lines, CountDownLatch subscribed) {
            this.latencies = new long[lines * 2];
            this.subscribed = subscribed;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            Instant now = Instant.now();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (text.contains("\"type\":\"subscribed\"")) {
                    subscribed.countDown();
                } else if (text.contains("\"type\":\"dropped\"")) {
                    Matcher m = Pattern.compile("\"count\":(\\d+)").matcher(text);
                    if (m.find()) {
                        dropped.addAndGet(Long.parseLong(m.group(1)));
                    }
                } else if (text.contains("\"type\":\"log\"") && SEQ.matcher(text).find()) {
                    Matcher m = TS.matcher(text);
                    if (m.find()) {
                        Instant at = parse(m.group(1));
                        long micros = Duration.between(at, now).toNanos() / 1000;
                        synchronized (this) {
                            if (count < latencies.length) {
                                latencies[count++] = micros;
                            }
                        }
                        received.incrementAndGet();
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        static Instant parse(String s) {
            try {
                return Instant.parse(s);
            } catch (RuntimeException e) {
                return OffsetDateTime.parse(s).toInstant();
            }
        }
    }
}

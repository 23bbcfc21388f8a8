import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log benchmark's driver (bench/logs.sh runs it against a started server).
 *
 * <pre>java bench/LogsBench.java fill BASE_URL API_KEY LINES BATCH THREADS RARE_EVERY</pre>
 * pushes LINES lines through POST /loki/api/v1/push in batches of BATCH from THREADS threads (every push awaited:
 * a 204 means committed), spread over the last 6 hours, 20 services, levels mixed, one line in RARE_EVERY carrying
 * the word "zanzibarite". Prints: RESULT lines=.. pushes=.. non_ok=.. seconds=.. lines_per_second=..
 *
 * <pre>java bench/LogsBench.java query BASE_URL API_KEY NAME PATH ROUNDS</pre>
 * sends ROUNDS GETs of PATH one after another (after 20 warm-up requests), prints
 * RESULT name=.. p50_ms=.. p99_ms=.. non_ok=.. (PATH may contain {from} and {to}, replaced by a random one-hour
 * window of the last 6 hours each time).
 */
public final class LogsBench {
    static final String[] LEVELS = {"DEBUG", "INFO", "INFO", "INFO", "INFO", "INFO", "WARN", "ERROR"};
    static final String[] WORDS = {"request", "served", "user", "cache", "miss", "hit", "upstream", "timeout",
        "order", "payment", "queue", "worker", "retry", "connection", "pool", "session", "token", "refreshed"};

    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        if (args[0].equals("fill")) {
            fill(client, args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        } else {
            query(client, args[1], args[2], args[3], args[4], Integer.parseInt(args[5]));
        }
    }

    static void fill(HttpClient client, String base, String key, int lines, int batch, int threads, int rareEvery)
            throws Exception {
        int pushes = (lines + batch - 1) / batch;
        AtomicLong next = new AtomicLong();
        AtomicLong nonOk = new AtomicLong();
        long end = Instant.now().toEpochMilli();
        long span = Duration.ofHours(6).toMillis();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                Random random = new Random();
                long p;
                while ((p = next.getAndIncrement()) < pushes) {
                    StringBuilder body = new StringBuilder(batch * 120).append("{\"streams\":[");
                    int service = (int) (p % 20);
                    body.append("{\"stream\":{\"service\":\"bench-svc-").append(service)
                            .append("\",\"host\":\"bench-node-").append(service % 3).append("\"},\"values\":[");
                    for (int i = 0; i < batch; i++) {
                        long n = p * batch + i;
                        long at = end - span + (n * span / lines);
                        StringBuilder line = new StringBuilder(LEVELS[random.nextInt(LEVELS.length)]).append(' ');
                        for (int w = 0; w < 10; w++) {
                            line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                        }
                        line.append("id=").append(n);
                        if (n % rareEvery == 0) {
                            line.append(" zanzibarite");
                        }
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append("[\"").append(at).append("000000\",\"").append(line).append("\"]");
                    }
                    body.append("]}]}");
                    try {
                        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + "/loki/api/v1/push"))
                                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 204) {
                            nonOk.incrementAndGet();
                        }
                    } catch (Exception e) {
                        nonOk.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RESULT lines=%d pushes=%d non_ok=%d seconds=%.1f lines_per_second=%.0f%n",
                (long) pushes * batch, pushes, nonOk.get(), seconds, pushes * (double) batch / seconds);
    }

    static void query(HttpClient client, String base, String key, String name, String path, int rounds)
            throws Exception {
        Random random = new Random(42);
        long now = Instant.now().toEpochMilli();
        long[] ms = new long[rounds];
        int nonOk = 0;
        for (int i = -20; i < rounds; i++) {
            long from = now - Duration.ofHours(6).toMillis() + (long) (random.nextDouble() * Duration.ofHours(5).toMillis());
            String p = path.replace("{from}", enc(Instant.ofEpochMilli(from).toString()))
                    .replace("{to}", enc(Instant.ofEpochMilli(from + 3_600_000).toString()));
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + p))
                    .header("X-API-Key", key).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long elapsed = (System.nanoTime() - t0) / 1_000;
            if (i >= 0) {
                ms[i] = elapsed;
                if (r.statusCode() != 200) {
                    nonOk++;
                }
            }
        }
        Arrays.sort(ms);
        System.out.printf("RESULT name=%s p50_ms=%.1f p99_ms=%.1f non_ok=%d%n", name, ms[rounds / 2] / 1000.0,
                ms[Math.min(rounds - 1, (int) Math.ceil(rounds * 0.99) - 1)] / 1000.0, nonOk);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

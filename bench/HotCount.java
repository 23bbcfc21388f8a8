import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exact half of the hot-fingerprint check. wrk stops with requests in flight, so its 201 count can only bound
 * the stored count; this driver sends a fixed number of posts of one fingerprint, waits for every response and
 * prints how many were 201, so the stored count must equal it exactly.
 *
 * <pre>java bench/HotCount.java BASE_URL API_KEY SOURCE_TAG THREADS POSTS_PER_THREAD</pre>
 *
 * Prints: RESULT ok=.. non_ok=.. errors=.. seconds=..
 */
public final class HotCount {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String tag = args[2];
        int threads = Integer.parseInt(args[3]);
        int perThread = Integer.parseInt(args[4]);
        String body = "{\"level\":\"error\",\"message\":\"Timeout contacting hotpath backend after 3000ms\","
                + "\"stack_trace\":\"java.net.SocketTimeoutException: Read timed out\\n\\tat com.acme.Hot.call(Hot.java:1)\","
                + "\"context\":{\"user_id\":\"12345\",\"region\":\"eu-west-1\"},\"source\":\"" + tag + "\","
                + "\"environment\":\"production\",\"url\":\"https://api.example.com/orders/hot\"}";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/errors"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        AtomicLong ok = new AtomicLong();
        AtomicLong nonOk = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 201 ? ok : nonOk).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.printf("RESULT ok=%d non_ok=%d errors=%d seconds=%.1f%n", ok.get(), nonOk.get(), errors.get(),
                (System.nanoTime() - start) / 1e9);
    }
}

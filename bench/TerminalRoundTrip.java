import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The terminal round trip behind bench/containers.sh: opens WS /ws/terminal/{container}, then N times types
 * {@code echo $((K+1000000))} and waits for the shell's answer (a number the typed line does not contain, so the
 * TTY's echo of the keys does not count). Prints {@code RESULT n=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=..}.
 *
 *   java bench/TerminalRoundTrip.java BASE_URL TOKEN CONTAINER [N] [WARMUP]
 */
public class TerminalRoundTrip {
    public static void main(String[] args) throws Exception {
        String base = args[0].replaceFirst("^http", "ws");
        String token = args[1];
        String container = args[2];
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        LinkedBlockingQueue<String> out = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(base + "/ws/terminal/" + container), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                        byte[] b = new byte[data.remaining()];
                        data.get(b);
                        out.add(new String(b, StandardCharsets.UTF_8));
                        w.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                        out.add("\u0000closed " + code + " " + reason);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        long[] ms = new long[n];
        StringBuilder seen = new StringBuilder();
        for (int i = -warmup; i < n; i++) {
            int k = i + warmup;
            String expect = (k + 1000000) + "\r\n";
            seen.setLength(0);
            long start = System.nanoTime();
            ws.sendBinary(ByteBuffer.wrap(("echo $((" + k + "+1000000))\r").getBytes(StandardCharsets.UTF_8)), true)
                    .get(10, TimeUnit.SECONDS);
            while (seen.indexOf("\n" + expect) < 0) {
                String s = out.poll(10, TimeUnit.SECONDS);
                if (s == null || s.startsWith("\u0000")) {
                    throw new IllegalStateException("no answer to round " + k + ": " + s + " after [" + seen + "]");
                }
                seen.append(s);
            }
            if (i >= 0) {
                ms[i] = System.nanoTime() - start;
            }
        }
        ws.sendBinary(ByteBuffer.wrap("exit\r".getBytes(StandardCharsets.UTF_8)), true).get(10, TimeUnit.SECONDS);
        Arrays.sort(ms);
        System.out.printf("RESULT n=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f%n", n, ms[n / 2] / 1e6,
                ms[n * 9 / 10] / 1e6, ms[Math.min(n - 1, n * 99 / 100)] / 1e6, ms[n - 1] / 1e6);
    }
}

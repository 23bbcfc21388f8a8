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
 * {@code echo $((K+1000000))} at the prompt and waits for the shell's answer line (a number the typed line does not
 * contain, so the TTY's echo of the keys does not count). The clock runs from the send of the line to the arrival
 * of the answer; between rounds (untimed) it waits for the next prompt.
 * <p>
 * It behaves as a terminal does: busybox ash's line editor asks where the cursor is ({@code ESC [ 6 n}, DSR 6)
 * after every prompt, and when Enter comes while that query is unanswered it sleeps 20 ms before it runs the line
 * (lineedit.c, {@code usleep(20*1000)}). Terminals (xterm, xterm.js) answer at once; so does this client, with
 * {@code ESC [ 24 ; 5 R}, unless {@code no-answer} is given (the figure of a client that ignores the query).
 * Prints {@code RESULT mode=ws n=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. first_byte_p50_ms=..}.
 *
 *   java bench/TerminalRoundTrip.java BASE_URL TOKEN CONTAINER [N] [WARMUP] [answer|no-answer]
 */
public class TerminalRoundTrip {
    static final String QUERY = "\u001b[6n";
    /** Row 24 (the TTY's last), column 5; not row 1: busybox 1.35 drops {@code ESC [ 1 ; 5 R} (see EngineRoundTrip). */
    static final byte[] REPORT = "\u001b[24;5R".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceFirst("^http", "ws");
        String token = args[1];
        String container = args[2];
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        boolean answer = args.length <= 5 || !args[5].equals("no-answer");
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
        long[] first = new long[n];
        StringBuilder seen = new StringBuilder();
        Thread.sleep(500); // the banner and the first prompt (with its query)
        for (String s = out.poll(); s != null; s = out.poll()) {
            seen.append(s);
        }
        boolean asks = seen.indexOf(QUERY) >= 0;
        if (asks && answer) {
            ws.sendBinary(ByteBuffer.wrap(REPORT), true).get(10, TimeUnit.SECONDS);
        }
        for (int i = -warmup; i < n; i++) {
            int k = i + warmup;
            String expect = "\n" + (k + 1000000) + "\r\n";
            seen.setLength(0);
            long start = System.nanoTime();
            long firstByte = 0;
            ws.sendBinary(ByteBuffer.wrap(("echo $((" + k + "+1000000))\r").getBytes(StandardCharsets.UTF_8)), true)
                    .get(10, TimeUnit.SECONDS);
            int at;
            while ((at = seen.indexOf(expect)) < 0) {
                next(out, seen, k);
                if (firstByte == 0) {
                    firstByte = System.nanoTime() - start;
                }
            }
            if (i >= 0) {
                ms[i] = System.nanoTime() - start;
                first[i] = firstByte;
            }
            String prompt = asks ? QUERY : "# ";
            while (seen.indexOf(prompt, at + expect.length()) < 0) {
                next(out, seen, k);
            }
            if (asks && answer) {
                ws.sendBinary(ByteBuffer.wrap(REPORT), true).get(10, TimeUnit.SECONDS);
            }
        }
        ws.sendBinary(ByteBuffer.wrap("exit\r".getBytes(StandardCharsets.UTF_8)), true).get(10, TimeUnit.SECONDS);
        Arrays.sort(ms);
        Arrays.sort(first);
        System.out.printf("RESULT mode=ws%s n=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f first_byte_p50_ms=%.2f%n",
                answer ? "" : "/no-answer", n, ms[n / 2] / 1e6, ms[n * 9 / 10] / 1e6,
                ms[Math.min(n - 1, n * 99 / 100)] / 1e6, ms[n - 1] / 1e6, first[n / 2] / 1e6);
    }

    private static void next(LinkedBlockingQueue<String> out, StringBuilder seen, int round) throws InterruptedException {
        String s = out.poll(10, TimeUnit.SECONDS);
        if (s == null || s.startsWith("\u0000")) {
            throw new IllegalStateException("no answer to round " + round + ": " + s + " after ["
                    + seen.toString().replace("\u001b", "ESC") + "]");
        }
        seen.append(s);
    }
}

package io.quarterdeck.domain.errors.fingerprint;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What fingerprinting one report costs when nothing is memoized (every message differs, as real messages do in
 * their numbers and ids), with the normalizers' shortcuts and, as the baseline in the same run, with every pattern
 * scanned. Run by {@code bench/fingerprint.sh}, not by the test suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FingerprintBenchmark {
    private static final String[] TEMPLATES = {
        "Timeout contacting %s backend after %dms (attempt 3 of 5, request 5f0c7a1e-8f0e-4b7a-9f2b-6d1f2c3b4a5e)",
        "User %2$d not found in tenant %1$s",
        "Connection to 10.0.%2$d.12:5432 refused (%1$s)",
        "Invalid value \"%s-%d\" for field 'email'",
        "Job %s failed at 2025-01-20T10:30:%2$02dZ after 2.5s",
        "Cannot invoke \"String.length()\" because \"%s\" is null (line %d)",
        "GET https://api.example.com/v1/%s/%d returned 502",
        "Order %s could not be placed: %d items out of stock"};
    private static final int N = 1024;

    private final MessageNormalizer normalizer = new MessageNormalizer();
    private final StackTraceNormalizer stackTraces = new StackTraceNormalizer();
    private final String[] messages = new String[N];
    private final String[] symbols = new String[N];
    private int next;

    public FingerprintBenchmark() {
        String[] frames = {"java.base/java.net.SocketInputStream.socketRead0",
            "com.acme.orders.client.%sClient.fetch", "com.acme.orders.service.OrderService.place",
            "com.acme.orders.api.%sResource.create", "jdk.internal.reflect.GeneratedMethodAccessor%d.invoke",
            "org.jboss.resteasy.core.MethodInjectorImpl.invoke", "com.acme.orders.service.OrderService.lambda$place$%d",
            "com.acme.orders.Inventory$Proxy$_$$_WeldClientProxy.take"};
        for (int i = 0; i < N; i++) {
            String word = "w" + Integer.toString(i, 36);
            messages[i] = String.format(TEMPLATES[i % TEMPLATES.length], word, 1000 + i);
            String frame = frames[i % frames.length];
            symbols[i] = frame.contains("%s") ? String.format(frame, word)
                    : frame.contains("%d") ? String.format(frame, i) : frame;
        }
    }

    private int next() {
        next = (next + 1) & (N - 1);
        return next;
    }

    @Benchmark
    public String message() {
        return normalizer.normalize(messages[next()]);
    }

    @Benchmark
    public String messageScanningEveryPattern() {
        return normalizer.normalizeScanningEverything(messages[next()]);
    }

    @Benchmark
    public String frameSymbol() {
        return JavaFrames.normalizeSymbol(symbols[next()]);
    }

    @Benchmark
    public String frameSymbolRewritingEverything() {
        return JavaFrames.rewriteSymbol(symbols[next()]);
    }

    @Benchmark
    public List<String> topFramesOfALibertyTrace() {
        return stackTraces.topFrames(Traces.JAVA_LIBERTY, 3);
    }
}

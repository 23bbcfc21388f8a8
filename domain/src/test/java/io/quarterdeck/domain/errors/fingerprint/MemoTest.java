package io.quarterdeck.domain.errors.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {
    @Test
    void a_repeated_key_is_computed_once() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String> memo = new Memo<>(s -> {
            calls.incrementAndGet();
            return s.toUpperCase();
        }, 10, 100);
        assertEquals("ABC", memo.apply("abc"));
        assertEquals("ABC", memo.apply(new String("abc")));
        assertEquals(1, calls.get());
    }

    @Test
    void memory_stays_bounded_and_recent_keys_survive_a_generation_change() {
        AtomicInteger calls = new AtomicInteger();
        Memo<Integer> memo = new Memo<>(s -> {
            calls.incrementAndGet();
            return s.length();
        }, 4, 100);
        for (int i = 0; i < 1_000; i++) {
            memo.apply("key-" + i);
            assertTrue(memo.size() <= 8, "size " + memo.size());
        }
        int before = calls.get();
        memo.apply("key-999");
        assertEquals(before, calls.get(), "the newest key is still remembered");
    }

    @Test
    void long_keys_and_null_are_computed_every_time() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String> memo = new Memo<>(s -> {
            calls.incrementAndGet();
            return String.valueOf(s);
        }, 10, 5);
        memo.apply("longer than five");
        memo.apply("longer than five");
        memo.apply(null);
        memo.apply(null);
        assertEquals(4, calls.get());
        assertEquals(0, memo.size());
    }

    @Test
    void concurrent_use_always_returns_the_function_value() throws Exception {
        Memo<String> memo = new Memo<>(s -> "v" + s, 16, 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String k = Integer.toString(i % 50);
                        assertEquals("v" + k, memo.apply(k));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(memo.size() <= 32);
    }

    @Test
    void the_fingerprinter_gives_the_same_answer_with_a_warm_memo() {
        Fingerprinter f = new Fingerprinter();
        String trace = "java.lang.IllegalStateException: x\n\tat com.acme.A.run(A.java:10)\n\tat com.acme.B.go(B.java:3)";
        Fingerprint cold = new Fingerprinter().compute("User 123 not found", trace, "web");
        for (int i = 0; i < 3; i++) {
            assertEquals(cold, f.compute("User " + i + " not found", trace, "web"));
        }
    }
}

package io.quarterdeck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Aggregation under concurrency on the server's real database: no lost update, no duplicate group. */
class ConcurrentIngestionIT {

    @Test
    void two_hundred_concurrent_posts_of_one_new_fingerprint_count_exactly_two_hundred() throws Exception {
        String source = ErrorTrackingIT.uniqueSource();
        String body = ErrorTrackingIT.report("error", "Concurrent failure", source, "");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Server.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                replies.add(pool.submit(() -> Server.postJson("/api/errors", body)));
            }
            for (Future<Server.Reply> f : replies) {
                assertEquals(201, f.get().status(), f.get().body());
            }
        } finally {
            pool.shutdown();
        }
        JsonObject list = Server.get("/api/errors?source=" + source).json().getJsonObject("data");
        assertEquals(1, list.getInt("total"), "one group");
        assertEquals(200, list.getJsonArray("errors").getJsonObject(0).getInt("count"));
    }
}

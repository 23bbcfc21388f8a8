package io.quarterdeck.server.archfixture;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Deliberately wrong: the composition root calling Prometheus itself instead of through the observability port. */
public class ServerQueryingPrometheus {
    public String query() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9090/api/v1/query"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}

package io.quarterdeck.application.notifications;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** A map of secrets as one text ({@code k=v&k=v}, URL-encoded) for the cipher, and back. */
final class SecretMaps {
    private SecretMaps() {
    }

    static String encode(Map<String, String> map) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(map).forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> out = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}

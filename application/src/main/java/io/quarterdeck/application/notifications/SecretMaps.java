package io.quarterdeck.application.notifications;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A map of secrets as one text ({@code s1;k=v&k=v}, URL-encoded) for the cipher, and back. The version prefix keeps
 * the plain text non-empty (a channel without secrets still seals something the cipher can open).
 */
final class SecretMaps {
    private SecretMaps() {
    }

    private static final String VERSION = "s1;";

    static String encode(Map<String, String> map) {
        StringBuilder b = new StringBuilder(VERSION);
        new TreeMap<>(map).forEach((k, v) -> {
            if (b.length() > VERSION.length()) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> out = new TreeMap<>();
        String pairs = text == null ? "" : text.startsWith(VERSION) ? text.substring(VERSION.length()) : text;
        if (pairs.isEmpty()) {
            return out;
        }
        for (String pair : pairs.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}

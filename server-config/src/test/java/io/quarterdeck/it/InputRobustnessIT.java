package io.quarterdeck.it;

import io.quarterdeck.architecture.ProductionClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's input-robustness suite: every endpoint of every surface (from {@code /openapi} when the server serves
 * one, otherwise from the JAX-RS resources on the class path) gets malformed JSON, wrong types, missing, extra and
 * oversized fields, deep nesting, bad charsets and encodings, bad paging, encoded junk in paths and headers, wrong
 * methods and media types, with the owner's credentials. It fails on any 5xx, any stack trace or exception class in
 * a body, any error outside the surface's shape or without an {@code X-Request-ID}, and on stored errors, users,
 * API keys or service clients that changed. Random mutations of each body come from a fixed seed (printed), so a
 * failure can be replayed.
 */
class InputRobustnessIT {
    /** Endpoints whose effect does not depend on the body: attacking them with a valid token would act. */
    static final Set<String> NOT_ATTACKED = Set.of("POST /api/v1/auth/keys/rotate", "POST /api/v1/auth/logout",
            "POST /cluster-ai/auth/logout");
    static final long SEED = Long.getLong("robustness.seed", 20L);
    static final int MUTATIONS_PER_BODY = Integer.getInteger("robustness.mutations", 4);
    static final Pattern LEAK = Pattern.compile("(?s).*(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\("
            + "|\\b[a-z]+\\.[a-z]+(\\.[a-zA-Z]+)*\\.[A-Z]\\w*(Exception|Error)\\b"
            + "|(?i:<html|<!doctype|caused by:)|SRVE\\d{4}|CWWK[A-Z]\\d{4}).*");

    /** Liberty's own answer to a request URI it will not decode: {"error_message" : "CWWWC0005I: ..."}. */
    static final Pattern LIBERTY_URI_CHECK = Pattern.compile(
            "\\{\\s*\"error_message\"\\s*:\\s*\"CWWWC0005I: The request URI has invalid or improperly encoded characters[^\"]*\"\\s*}\\s*");

    record Endpoint(String verb, String template) {
        String path(String id) {
            return template.replaceAll("\\{[^}]+}", id);
        }
    }

    record Case(String endpoint, String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    }

    private final List<String> failures = new ArrayList<>();
    private final List<String> decidedByLiberty = new ArrayList<>();
    private int requests;
    private String token;

    @Test
    void no_malformed_request_reaches_a_500_leaks_internals_leaves_the_shape_or_changes_data() throws Exception {
        long started = System.nanoTime();
        token = IdentityIT.ownerToken();
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() >= 30, "found only " + endpoints.size() + " endpoints: " + endpoints);
        Map<String, Integer> before = storedCounts();
        Random random = new Random(SEED);

        Set<String> paths = new TreeSet<>();
        for (Endpoint e : endpoints) {
            paths.add(e.template());
            if (NOT_ATTACKED.contains(e.verb() + " " + e.template())) {
                continue;
            }
            for (Case c : bodyCases(e, random)) {
                check(c);
            }
            for (Case c : pathCases(e)) {
                check(c);
            }
            if (e.verb().equals("GET")) {
                for (Case c : pagingCases(e)) {
                    check(c);
                }
            }
        }
        for (String template : paths) {
            Set<String> declared = new TreeSet<>();
            endpoints.stream().filter(e -> e.template().equals(template)).forEach(e -> declared.add(e.verb()));
            for (String verb : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "QDXYZ")) {
                if (!declared.contains(verb) && !NOT_ATTACKED.contains(verb + " " + template)) {
                    check(new Case(verb + " " + template + " (undeclared)", verb, new Endpoint(verb, template)
                            .path("missing-id"), "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of()));
                }
            }
        }
        for (String raw : rawPaths()) {
            checkRaw(raw);
        }
        for (String chunks : List.of("zz\r\n{}\r\n0\r\n\r\n", "FFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n",
                "2\r\n{}\r\n-1\r\n\r\n", "2;x=\u0000\r\n{}0\r\n\r\n")) {
            for (String path : List.of("/api/errors", "/api/v1/auth/login", "/cluster-ai/auth/login")) {
                checkRaw("POST", path, "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", chunks);
            }
        }

        Map<String, Integer> after = storedCounts();
        if (!before.equals(after)) {
            failures.add("stored data changed: before " + before + ", after " + after);
        }
        failures.forEach(f -> System.out.println("InputRobustnessIT failure: " + f));
        decidedByLiberty.forEach(f -> System.out.println("InputRobustnessIT decided by Liberty before the application: " + f));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("InputRobustnessIT: %d endpoints, %d requests in %.1f s (seed %d)%n", endpoints.size(),
                requests, seconds, SEED);
        assertEquals(List.of(), failures.size() > 60 ? failures.subList(0, 60) : failures,
                failures.size() + " of " + requests + " requests answered wrongly");
    }

    // ---- endpoints ----

    /** From the OpenAPI document when the server serves one; from the resources on the class path otherwise. */
    static List<Endpoint> endpoints() throws Exception {
        List<Endpoint> fromDocument = fromOpenApi();
        return fromDocument.isEmpty() ? fromResources() : fromDocument;
    }

    static List<Endpoint> fromOpenApi() {
        Server.Reply r = Server.send(Server.request("/openapi?format=JSON").header("Accept", "application/json").GET());
        if (r.status() != 200 || !r.body().trim().startsWith("{")) {
            return List.of();
        }
        List<Endpoint> out = new ArrayList<>();
        JsonObject paths = Server.parse(r.body()).getJsonObject("paths");
        if (paths == null) {
            return List.of();
        }
        paths.forEach((path, item) -> item.asJsonObject().keySet().forEach(verb -> {
            String v = verb.toUpperCase(java.util.Locale.ROOT);
            if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(v)) {
                out.add(new Endpoint(v, path));
            }
        }));
        System.out.println("InputRobustnessIT: endpoints from /openapi");
        return out;
    }

    static List<Endpoint> fromResources() throws ClassNotFoundException {
        List<Endpoint> out = new ArrayList<>();
        for (JavaClass jc : new ClassFileImporter().withImportOption(ProductionClasses.ONLY)
                .importPackages("io.quarterdeck")) {
            Class<?> type = Class.forName(jc.getName(), false, InputRobustnessIT.class.getClassLoader());
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                for (Annotation a : m.getAnnotations()) {
                    HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
                    if (h != null) {
                        Path sub = m.getAnnotation(Path.class);
                        String path = (base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                        out.add(new Endpoint(h.value(), path.length() > 1 && path.endsWith("/")
                                ? path.substring(0, path.length() - 1) : path));
                    }
                }
            }
        }
        System.out.println("InputRobustnessIT: endpoints from the JAX-RS resources");
        return out.stream().distinct().toList();
    }

    // ---- cases ----

    static final String DEEP = "[".repeat(5_000) + "]".repeat(5_000);
    static final String DEEP_CONTEXT = "{\"level\":\"error\",\"message\":\"deep\",\"context\":"
            + "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000) + "}";
    static final String WRONG_TYPES = "{\"name\":42,\"email\":[],\"username\":false,\"password\":1,\"role\":{},"
            + "\"level\":7,\"message\":[1],\"token\":{},\"refresh_token\":9,\"client_id\":[],\"client_secret\":{},"
            + "\"scopes\":\"read\",\"permissions\":7,\"expires_at\":12,\"is_active\":\"yes\",\"full_name\":[],"
            + "\"current_password\":1,\"new_password\":2,\"grant_type\":3,\"context\":\"x\",\"tags\":5}";
    static final String CONTROL_CHARS = "{\"name\":\"a\\u0000b\",\"email\":\"x\\u0000y@example.com\",\"username\":"
            + "\"u\\u0000v\",\"full_name\":\"n\\u0000m\",\"role\":\"viewer\",\"permissions\":[\"read\"],\"scopes\":"
            + "[\"read\"],\"token\":\"inv_x\\u0000\",\"password\":\"p\\u0000\"}";
    /** A valid API key but for the year (service clients take "scopes", so this one creates none of them). */
    static final String FAR_YEAR = "{\"name\":\"far-future\",\"permissions\":[\"read\"],"
            + "\"expires_at\":\"+999999999-12-31T23:59:59Z\"}";
    static final String OVERSIZED = "{\"name\":\"" + "n".repeat(70_000) + "\",\"email\":\"" + "e".repeat(70_000)
            + "@example.com\",\"username\":\"" + "u".repeat(70_000) + "\",\"message\":\"" + "m".repeat(70_000) + "\"}";

    List<Case> bodyCases(Endpoint e, Random random) {
        String path = e.path("missing-id");
        String name = e.verb() + " " + e.template();
        List<Case> out = new ArrayList<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed", "{\"role\":");
        bodies.put("trailing junk", "{\"role\":\"developer\"} xyz");
        bodies.put("two values", "{}{}");
        bodies.put("trailing NUL", "{\"role\":\"developer\"}\u0000");
        bodies.put("deep nesting", DEEP);
        bodies.put("deep context", DEEP_CONTEXT);
        bodies.put("array", "[]");
        bodies.put("string", "\"text\"");
        bodies.put("number", "1e999999");
        bodies.put("null", "null");
        bodies.put("empty", "");
        bodies.put("missing fields", "{}");
        bodies.put("extra fields only", "{\"unexpected\":{\"nested\":[1,2,3]},\"__proto__\":1}");
        bodies.put("wrong types", WRONG_TYPES);
        bodies.put("control characters", CONTROL_CHARS);
        bodies.put("year +999999999", FAR_YEAR);
        bodies.put("oversized values", OVERSIZED);
        bodies.put("huge number", "{\"limit\":1" + "0".repeat(5_000) + ",\"page\":-1e400}");
        bodies.put("lone surrogate", "{\"name\":\"\\ud800\",\"email\":\"\\udfff@example.com\"}");
        for (int i = 0; i < MUTATIONS_PER_BODY; i++) {
            bodies.put("mutation " + i, mutate(WRONG_TYPES, random));
        }
        boolean takesBody = Set.of("POST", "PUT", "PATCH").contains(e.verb());
        for (Map.Entry<String, String> b : takesBody ? bodies.entrySet() : Map.<String, String>of().entrySet()) {
            out.add(new Case(name + " [" + b.getKey() + "]", e.verb(), path, "application/json",
                    b.getValue().getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        byte[] json = "{\"role\":\"developer\"}".getBytes(StandardCharsets.UTF_8);
        if (takesBody) {
            out.addAll(encodingCases(name, e.verb(), path, json));
        }
        for (String type : List.of("text/plain", "application/xml", "a/b/c", "application/json; charset", ";;;",
                "multipart/form-data; boundary=x", "application/json; charset=\"utf-8")) {
            out.add(new Case(name + " [Content-Type " + type + "]", e.verb(), path, type, json, Map.of()));
        }
        for (String accept : List.of(";;;", "application/json;q=abc", "image/png", "*/*;q=0", "text/html,,,*/*/*")) {
            out.add(new Case(name + " [Accept " + accept + "]", e.verb(), path, "application/json", json,
                    Map.of("Accept", accept)));
        }
        return out;
    }

    static List<Case> encodingCases(String name, String verb, String path, byte[] json) {
        List<Case> out = new ArrayList<>();
        out.add(new Case(name + " [charset klingon]", verb, path, "application/json; charset=klingon", json, Map.of()));
        out.add(new Case(name + " [charset ISO-2022-JP]", verb, path, "application/json; charset=ISO-2022-JP", json, Map.of()));
        out.add(new Case(name + " [UTF-8 bytes as UTF-16]", verb, path, "application/json; charset=utf-16", json, Map.of()));
        out.add(new Case(name + " [invalid UTF-8]", verb, path, "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '"', '}'}, Map.of()));
        out.add(new Case(name + " [form bad escape]", verb, path, "application/x-www-form-urlencoded",
                "username=%zz&password=%&grant_type=%e".getBytes(StandardCharsets.US_ASCII), Map.of()));
        out.add(new Case(name + " [form charset klingon]", verb, path,
                "application/x-www-form-urlencoded; charset=klingon", "username=a&password=b".getBytes(StandardCharsets.US_ASCII), Map.of()));
        out.add(new Case(name + " [gzip that is not]", verb, path, "application/json", json,
                Map.of("Content-Encoding", "gzip")));
        out.add(new Case(name + " [unknown encoding]", verb, path, "application/json", json,
                Map.of("Content-Encoding", "br, klingon")));
        return out;
    }

    static String mutate(String template, Random random) {
        StringBuilder sb = new StringBuilder(template);
        String alphabet = "{}[]\":,\\0\u0000\u00e9\ud83d\ude00 -+.eE";
        for (int n = 1 + random.nextInt(6); n > 0; n--) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return sb.toString();
    }

    List<Case> pathCases(Endpoint e) {
        if (!e.template().contains("{")) {
            return List.of();
        }
        List<Case> out = new ArrayList<>();
        for (String id : List.of("%2e%2e", "%2e", "a%2fb", "%5c", "a%00b", "%0d%0aX-Injected:%201", "..%2f..%2fWEB-INF",
                "x".repeat(3_000), "%e2%80%ae", "%c0%ae", "\u00e9t\u00e9".replace("\u00e9", "%C3%A9"))) {
            out.add(new Case(e.verb() + " " + e.template() + " [id " + (id.length() > 30 ? "long" : id) + "]", e.verb(),
                    e.path(id), "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        return out;
    }

    List<Case> pagingCases(Endpoint e) {
        List<Case> out = new ArrayList<>();
        for (String q : List.of("page=2147483647&limit=500", "page=2147483647", "page=-2147483648", "limit=2147483647",
                "offset=2147483647", "offset=-1", "limit=99999999999999999999", "page=1e3", "limit=%00",
                "from=%2B999999999-01-01T00:00:00Z", "to=-999999999-01-01T00:00:00Z", "page=abc&limit=abc&offset=abc",
                "level=%00&resolved=maybe&search=" + "s".repeat(5_000), "since=" + "9".repeat(40))) {
            String path = e.path("missing-id");
            out.add(new Case(e.verb() + " " + e.template() + " [" + (q.length() > 40 ? q.substring(0, 40) : q) + "]",
                    e.verb(), path + (path.contains("?") ? "&" : "?") + q, null, null, Map.of()));
        }
        return out;
    }

    static List<String> rawPaths() {
        return List.of("/api/errors/%2e%2e", "/api/errors/%2e%2e/%2e%2e/WEB-INF/web.xml", "/WEB-INF/web.xml",
                "/META-INF/MANIFEST.MF", "/api/v1/%2e%2e%2fWEB-INF", "/api/errors/%zz", "/api/v1/users/%zz",
                "/cluster-ai/auth/%00", "/api/errors/a%00b", "/api/v1/%5c%5c", "/api/errors/\\..\\web.xml",
                "/api/v1/users/%0d%0aX-Injected:%201", "/cluster-ai/%2e%2e/%2e%2e", "/health/%2e%2e",
                "/api/errors/" + "%41".repeat(3_000), "/api/errors?limit=%zz", "/api/v1/audit?page=%FF%FE",
                "/%2e%2e/%2e%2e/etc/passwd", "/api/errors/..;/..;/WEB-INF/web.xml", "/api/errors/%u002e");
    }

    // ---- sending and judging ----

    void check(Case c) {
        HttpRequest.Builder b = Server.request(c.path().startsWith("/") ? c.path() : "/" + c.path())
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
        URI uri;
        try {
            uri = URI.create(Server.BASE + c.path());
            b.uri(uri);
        } catch (IllegalArgumentException notAUri) {
            checkRaw(c.path());
            return;
        }
        if (c.contentType() != null) {
            b.header("Content-Type", c.contentType());
        }
        c.headers().forEach(b::header);
        b.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        requests++;
        HttpResponse<String> r;
        try {
            r = Server.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            failures.add(c.endpoint() + ": no answer (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        judge(c.endpoint(), c.path(), r.statusCode(), r.headers().firstValue("X-Request-ID").orElse(null),
                r.headers().firstValue("Content-Type").orElse(""), r.body(), c.method());
        if (r.statusCode() == 401) {
            token = IdentityIT.ownerToken();
        }
    }

    /** A request line no URI class would build (bad escapes, raw backslashes), sent over a socket as written. */
    void checkRaw(String target) {
        checkRaw("GET", target, "", "");
    }

    void checkRaw(String method, String target, String headers, String body) {
        URI base = URI.create(Server.BASE);
        requests++;
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write((method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nX-Forwarded-For: " + Server.newClientAddress()
                    + "\r\nConnection: close\r\n" + headers + "\r\n" + body).getBytes(StandardCharsets.UTF_8));
            byte[] all = readAll(s.getInputStream());
            String text = new String(all, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String answer = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = lines[0].length() >= 12 ? Integer.parseInt(lines[0].substring(9, 12)) : 0;
            String id = null;
            String type = "";
            boolean chunked = false;
            for (String line : lines) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("x-request-id:")) {
                    id = line.substring(13).trim();
                } else if (lower.startsWith("content-type:")) {
                    type = line.substring(13).trim();
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            judge("raw " + method + " " + (target.length() > 80 ? target.substring(0, 80) + "..." : target)
                    + (body.isEmpty() ? "" : " [" + body.replace("\r\n", "|") + "]"), target, status, id, type,
                    chunked ? dechunk(answer) : answer, method);
        } catch (IOException | RuntimeException e) {
            failures.add("raw " + method + " " + target + ": no readable answer (" + e + ")");
        }
    }

    void judge(String name, String path, int status, String requestId, String contentType, String body, String method) {
        String where = name + " -> " + status;
        if (status == 0 && body.isEmpty() && name.startsWith("raw POST") && name.contains("FFFFFFFFFFFFFFFFFFFF")) {
            // A chunk size beyond 2^64: Liberty's HTTP channel drops the connection without any answer.
            decidedByLiberty.add(where + " (connection closed without an answer)");
            return;
        }
        if (status == 400 && requestId == null && (LIBERTY_URI_CHECK.matcher(body).matches()
                || body.startsWith("<H1>CWWWC0005I: The request URI has invalid or improperly encoded characters"))) {
            // A NUL, CR or LF, a bad escape or a ';' segment in the path: Liberty's web container answers this
            // itself, before any filter, servlet or error page of the application runs (no X-Request-ID because no
            // application code ran; JSON or HTML by Accept); a 400 without internals. Counted and printed, not failed.
            // (Encoded dots, slashes and backslashes reach the application's error page and are judged in full.)
            decidedByLiberty.add(where + " " + cut(body));
            return;
        }
        if (status >= 500 || status < 100) {
            failures.add(where + ": server error " + cut(body));
        }
        if (requestId == null || requestId.isBlank()) {
            failures.add(where + ": no X-Request-ID");
        }
        if (LEAK.matcher(body).matches()) {
            failures.add(where + ": internals in the body " + cut(body));
        }
        if (status >= 400 && !method.equals("HEAD") && !inShape(path, contentType, body)) {
            failures.add(where + ": not in the surface's error shape: " + contentType + " " + cut(body));
        }
    }

    /** API-MAP.md: 002 {"detail"}, /api/v1 {"error":{"code","message"}}, everything else 001's {"error","status"}. */
    static boolean inShape(String path, String contentType, String body) {
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return false;
        }
        JsonObject o;
        try {
            o = Json.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            return false;
        }
        String p = path.startsWith("/") ? path : "/" + path;
        if (p.equals("/cluster-ai") || p.startsWith("/cluster-ai/") || p.startsWith("/cluster-ai?")) {
            return o.size() == 1 && o.get("detail") != null && o.get("detail").getValueType() == JsonValue.ValueType.STRING;
        }
        if (p.equals("/api/v1") || p.startsWith("/api/v1/") || p.startsWith("/api/v1?")) {
            JsonValue error = o.get("error");
            return error != null && error.getValueType() == JsonValue.ValueType.OBJECT
                    && error.asJsonObject().get("code") instanceof jakarta.json.JsonString
                    && error.asJsonObject().get("message") instanceof jakarta.json.JsonString;
        }
        return o.get("error") instanceof jakarta.json.JsonString && "error".equals(o.getString("status", null));
    }

    /** Errors, users, API keys and service clients as the API counts them. */
    Map<String, Integer> storedCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        Server.Reply errors = Server.send(Server.bearer("/api/errors?limit=1", token).GET());
        counts.put("errors", errors.json().getJsonObject("data").getInt("total"));
        for (String path : List.of("/api/v1/users", "/api/v1/api-keys", "/api/v1/service-clients",
                "/api/settings/team")) {
            Server.Reply r = Server.send(Server.bearer(path, token).GET());
            assertEquals(200, r.status(), path + ": " + r.body());
            counts.put(path, r.body().split("\"(id|client_id)\"\\s*:", -1).length - 1);
        }
        return counts;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) != -1; ) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            // whatever arrived is judged
        }
        return out.toByteArray();
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(body.substring(i, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                return body;
            }
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}

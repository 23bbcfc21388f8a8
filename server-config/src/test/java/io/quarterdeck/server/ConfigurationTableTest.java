package io.quarterdeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documented configuration table and the keys the code reads agree, in both directions: a key read but not
 * documented fails, and so does a documented key that nothing reads. The keys read are {@link ConfigKey} (every
 * producer in this package), every {@code ${quarterdeck.*}} variable of {@code server.xml}, and every string
 * literal that is exactly a {@code quarterdeck.*} key in a main Java source that uses MicroProfile Config (a class
 * outside the producers that still reads configuration itself). The table is the first column of
 * {@code docs/configuration.md}, or of README when that file does not exist.
 */
class ConfigurationTableTest {
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`(quarterdeck\\.[a-z0-9.-]+)`\\s*\\|");
    private static final Pattern XML_KEY = Pattern.compile(
            "\\$\\{(quarterdeck\\.[a-z0-9.-]+)}|<variable\\s+name=\"(quarterdeck\\.[a-z0-9.-]+)\"");
    private static final Pattern JAVA_KEY = Pattern.compile("\"(quarterdeck\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*)\"");
    private static final String MP_CONFIG = "org.eclipse.microprofile.config";

    @Test
    void every_key_the_code_reads_is_documented_and_every_documented_key_is_read() {
        Path root = projectRoot();
        Path table = Files.exists(root.resolve("docs/configuration.md")) ? root.resolve("docs/configuration.md")
                : root.resolve("README.md");
        Set<String> documented = documentedKeys(read(table));
        Set<String> read = keysTheCodeReads(root);
        assertEquals(List.of(), disagreements(read, documented, root.relativize(table).toString()));
    }

    @Test
    void the_comparison_fails_both_ways_on_a_made_up_key() {
        Set<String> read = Set.of("quarterdeck.http.port", "quarterdeck.made-up.in-code");
        Set<String> documented = Set.of("quarterdeck.http.port", "quarterdeck.made-up.in-docs");
        assertEquals(List.of(
                "quarterdeck.made-up.in-code is read by the code but not documented in README.md",
                "quarterdeck.made-up.in-docs is documented in README.md but nothing reads it"),
                disagreements(read, documented, "README.md"));
        assertEquals(List.of(), disagreements(Set.of("quarterdeck.a"), Set.of("quarterdeck.a"), "README.md"));
    }

    @Test
    void the_table_is_read_from_its_first_column_only() {
        String markdown = String.join("\n",
                "| key | variable | default | meaning |",
                "|---|---|---|---|",
                "| `quarterdeck.http.port` | `QUARTERDECK_HTTP_PORT` | `9080` | HTTP port |",
                "|`quarterdeck.cors.origins`|`QUARTERDECK_CORS_ORIGINS`| (none) | like `quarterdeck.not.a-row` |",
                "Prose that mentions `quarterdeck.not.a-row-either`.");
        assertEquals(Set.of("quarterdeck.http.port", "quarterdeck.cors.origins"), documentedKeys(markdown));
    }

    @Test
    void a_source_counts_only_whole_key_literals_and_only_when_it_uses_microprofile_config() {
        String reader = String.join("\n",
                "import org.eclipse.microprofile.config.inject.ConfigProperty;",
                "class A {",
                "  @Inject @ConfigProperty(name = \"quarterdeck.jwt.issuer\", defaultValue = \"qd\") String i;",
                "  Optional<String> k = config.getOptionalValue(\"quarterdeck.oidc.role-map\", String.class);",
                "  String message = \"quarterdeck.oidc.issuer is set: quarterdeck.oidc.jwks-url must be set too\";",
                "}");
        assertEquals(Set.of("quarterdeck.jwt.issuer", "quarterdeck.oidc.role-map"), javaKeys(reader));
        assertEquals(Set.of(), javaKeys("class B { static final String A = \"quarterdeck.audit.summary\"; }"),
                "a request attribute named like a key is not configuration");
        assertEquals(Set.of("quarterdeck.http.port", "quarterdeck.data-dir", "quarterdeck.db.url"), xmlKeys(
                "<variable name=\"quarterdeck.http.port\" defaultValue=\"9080\"/>\n"
                        + "<variable name=\"quarterdeck.db.url\"\n"
                        + "          defaultValue=\"jdbc:h2:${quarterdeck.data-dir}/db\"/>"));
    }

    @Test
    void the_scan_sees_the_producers_server_xml_and_the_sources() {
        Set<String> read = keysTheCodeReads(projectRoot());
        for (ConfigKey k : ConfigKey.values()) {
            assertTrue(read.contains(k.key()), k.key());
        }
        assertTrue(read.containsAll(Set.of("quarterdeck.http.port", "quarterdeck.db.url", "quarterdeck.db.pool-size")),
                "server.xml was scanned: " + read);
        assertTrue(read.size() > ConfigKey.values().length + 5, "server.xml adds keys of its own: " + read);
    }

    static List<String> disagreements(Set<String> read, Set<String> documented, String where) {
        List<String> out = new ArrayList<>();
        for (String key : new TreeSet<>(read)) {
            if (!documented.contains(key)) {
                out.add(key + " is read by the code but not documented in " + where);
            }
        }
        for (String key : new TreeSet<>(documented)) {
            if (!read.contains(key)) {
                out.add(key + " is documented in " + where + " but nothing reads it");
            }
        }
        return out;
    }

    static Set<String> documentedKeys(String markdown) {
        return markdown.lines().map(TABLE_ROW::matcher).filter(Matcher::find).map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> keysTheCodeReads(Path root) {
        Set<String> keys = new TreeSet<>();
        Arrays.stream(ConfigKey.values()).map(ConfigKey::key).forEach(keys::add);
        keys.addAll(xmlKeys(read(root.resolve("server-config/src/main/liberty/config/server.xml"))));
        for (Path source : mainJavaSources(root)) {
            keys.addAll(javaKeys(read(source)));
        }
        return keys;
    }

    static Set<String> xmlKeys(String xml) {
        Set<String> keys = new TreeSet<>();
        Matcher m = XML_KEY.matcher(xml);
        while (m.find()) {
            keys.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return keys;
    }

    static Set<String> javaKeys(String source) {
        Set<String> keys = new TreeSet<>();
        if (!source.contains(MP_CONFIG)) {
            return keys;
        }
        Matcher m = JAVA_KEY.matcher(source);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static List<Path> mainJavaSources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("(.+/)?src/main/java/.+"))
                    .filter(p -> !root.relativize(p).toString().replace('\\', '/').matches("(.+/)?target/.+"))
                    .toList();
            assertTrue(sources.size() > 50, "main sources were found under " + root + ": " + sources.size());
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout's root: the test runs in {@code server-config}, or at the root itself. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("server-config")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no project root above " + dir);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

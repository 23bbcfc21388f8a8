package io.quarterdeck.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarterdeck.adapters.rest.spine.security.PublicEndpoint;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.domain.identity.Scope;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every resource method and WebSocket endpoint declares who may call it ({@link Requires}) or that anyone may
 * ({@link PublicEndpoint}); the public ones are exactly the documented list. Prints the endpoint/role table.
 */
public class AuthorizationDeclarationTest {
    /**
     * Issue 3's unauthenticated endpoints, plus the JWKS (public keys), accepting an invitation (no account yet) and
     * seed 003's system health (anyone gets only {@code {"status"}}; callers with credentials the checks; issue 15).
     */
    static final Set<String> DOCUMENTED_PUBLIC = Set.of(
            "GET /health", "GET /health/live", "GET /health/ready",
            "POST /api/v1/auth/token", "POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
            "POST /api/v1/auth/service", "POST /api/v1/auth/register", "GET /api/v1/auth/jwks",
            "POST /cluster-ai/auth/login", "POST /api/settings/team/accept", "GET /api/v1/system/health");

    /** Every production package: a resource placed in the composition root is checked like any other. */
    static final String SCANNED_PACKAGE = "io.quarterdeck";

    public record Endpoint(String route, Method method, Class<?> type) {
    }

    public static List<Endpoint> endpoints() throws ClassNotFoundException {
        List<Endpoint> out = new ArrayList<>();
        for (JavaClass jc : new ClassFileImporter().withImportOption(ProductionClasses.ONLY)
                .importPackages(SCANNED_PACKAGE)) {
            Class<?> type = Class.forName(jc.getName(), false, AuthorizationDeclarationTest.class.getClassLoader());
            ServerEndpoint socket = type.getAnnotation(ServerEndpoint.class);
            if (socket != null) {
                out.add(new Endpoint("WEBSOCKET " + socket.value(), null, type));
            }
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = httpMethod(m);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    out.add(new Endpoint(verb + " " + base.value() + (sub == null ? "" : sub.value()), m, type));
                }
            }
        }
        return out;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    private static <A extends Annotation> A declared(Endpoint e, Class<A> annotation) {
        A onMethod = e.method() == null ? null : e.method().getAnnotation(annotation);
        return onMethod != null ? onMethod : e.type().getAnnotation(annotation);
    }

    @Test
    void every_endpoint_declares_who_may_call_it_and_only_the_documented_ones_are_public() throws Exception {
        List<Endpoint> all = endpoints();
        assertTrue(all.size() >= 30, "found only " + all.size() + " endpoints: is the scan looking at the right classes?");
        List<String> undeclared = new ArrayList<>();
        Set<String> publicRoutes = new TreeSet<>();
        Set<String> table = new TreeSet<>();
        for (Endpoint e : all) {
            Requires r = declared(e, Requires.class);
            PublicEndpoint p = declared(e, PublicEndpoint.class);
            if ((r == null) == (p == null)) {
                undeclared.add(e.route() + (r != null ? " (declares both)" : ""));
                continue;
            }
            if (p != null) {
                publicRoutes.add(e.route());
                table.add("| " + e.route() + " | public |");
            } else {
                table.add("| " + e.route() + " | " + r.role().wireName() + "+ | "
                        + (r.scopes().length == 0 ? "none" : Arrays.stream(r.scopes()).map(Scope::wireName)
                        .collect(Collectors.joining(", "))) + " |");
            }
        }
        System.out.println("| endpoint | people | machines (scopes) |\n|---|---|---|\n" + String.join("\n", table));
        assertEquals(List.of(), undeclared, "endpoints without exactly one access declaration");
        assertEquals(new TreeSet<>(DOCUMENTED_PUBLIC), publicRoutes);
    }

    @Test
    void the_scan_would_notice_an_undeclared_method() throws Exception {
        Method undeclared = Fixture.class.getDeclaredMethod("get");
        Endpoint e = new Endpoint("GET /fixture", undeclared, Fixture.class);
        assertEquals(null, declared(e, Requires.class));
        assertEquals(null, declared(e, PublicEndpoint.class));
        assertEquals("GET", httpMethod(undeclared));
    }

    @Test
    void the_scan_covers_the_composition_root_too() throws Exception {
        Method get = io.quarterdeck.server.archfixture.ServerWithResource.class.getDeclaredMethod("get");
        Endpoint e = new Endpoint("GET /server-fixture", get, get.getDeclaringClass());
        assertEquals(null, declared(e, Requires.class));
        assertTrue(SCANNED_PACKAGE.equals("io.quarterdeck"), "the scan must cover every module, server included");
    }

    @Path("/fixture")
    static class Fixture {
        @jakarta.ws.rs.GET
        public String get() {
            return "";
        }
    }
}

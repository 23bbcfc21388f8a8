package io.quarterdeck.domain.errors.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Java (and other JVM language) frames: {@code at com.acme.Foo.bar(Foo.java:42) ~[app.jar:1.2]}. Only the
 * outermost exception's frames count: reading stops at the first {@code Caused by:} or {@code Suppressed:} once
 * frames were found. The identity is {@code class.method} with module/class-loader prefixes removed and generated
 * names made stable (lambdas, hidden classes, Weld/CGLIB/ByteBuddy/Javassist/JDK proxies, reflection accessors,
 * numbered anonymous classes as {@code $<anon>}). Framework packages and generated proxies are not in-app.
 */
final class JavaFrames {
    private static final Pattern LAMBDA_CLASS = Pattern.compile("\\$\\$Lambda(?:\\$\\d++)?/(?:0x)?\\p{XDigit}++");
    private static final Pattern HIDDEN_CLASS = Pattern.compile("/0x\\p{XDigit}++");
    private static final Pattern LAMBDA_CLASS_NUMBER = Pattern.compile("\\$\\$Lambda\\$\\d++");
    private static final Pattern LAMBDA_METHOD = Pattern.compile("(lambda\\$[^$.]++)\\$\\d++");
    private static final Pattern CGLIB = Pattern.compile(
            "\\$\\$((?:EnhancerBy|FastClassBy)?(?:Spring)?CGLIB)\\$\\$\\w++");
    private static final Pattern BYTECODE_PROXY = Pattern.compile(
            "\\$(HibernateProxy|HibernateInstantiator|HibernateAccessOptimizer|ByteBuddy|MockitoMock|auxiliary)"
                    + "\\$\\w++");
    private static final Pattern JAVASSIST = Pattern.compile("_\\$\\$_(jvst|javassist)\\w*+");
    private static final Pattern JDK_PROXY = Pattern.compile("\\$Proxy\\d++");
    private static final Pattern JDK_PROXY_PACKAGE = Pattern.compile("(?<![\\w$])jdk\\.proxy\\d++\\.");
    private static final Pattern ACCESSOR = Pattern.compile("(Generated[A-Za-z]{0,40}?Accessor)\\d++");
    private static final Pattern ANONYMOUS = Pattern.compile("\\$\\d++(?=[$.]|$)");

    static final List<String> FRAMEWORK_PACKAGES = List.of(
            "java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.", "org.jboss.", "com.ibm.", "io.openliberty.",
            "org.apache.cxf.", "org.eclipse.yasson.", "org.hibernate.", "org.springframework.", "org.junit.",
            "kotlin.", "kotlinx.", "scala.", "org.glassfish.", "org.eclipse.jetty.", "org.eclipse.microprofile.",
            "org.eclipse.persistence.", "org.eclipse.osgi.", "org.osgi.", "org.apache.felix.", "org.apache.catalina.",
            "org.apache.coyote.", "org.apache.tomcat.", "io.netty.", "io.undertow.", "io.smallrye.", "io.quarkus.",
            "net.bytebuddy.", "org.mockito.", "org.testng.", "org.apache.maven.surefire.", "org.postgresql.",
            "org.h2.", "com.zaxxer.hikari.");

    private static final List<String> GENERATED_MARKERS = List.of(
            "$Proxy$_$$_Weld", "CGLIB", "$HibernateProxy", "$ByteBuddy", "$MockitoMock", "_$$_jvst",
            "_$$_javassist", ".$Proxy.");

    private JavaFrames() {
    }

    /**
     * Frames of the outermost exception, innermost first (as printed); reading stops after the
     * {@code enoughInApp}-th in-app frame.
     */
    static List<Frame> parse(List<String> lines, int enoughInApp) {
        List<Frame> frames = new ArrayList<>();
        int inApp = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("Caused by:") || line.startsWith("Suppressed:")) {
                if (!frames.isEmpty()) {
                    break;
                }
                continue;
            }
            Frame frame = parseLine(line);
            if (frame != null) {
                frames.add(frame);
                if (frame.inApp() && ++inApp >= enoughInApp) {
                    break;
                }
            }
        }
        return frames;
    }

    /** The frame on a stripped line, or {@code null} when the line is no Java frame. */
    static Frame parseLine(String line) {
        if (!line.startsWith("at ")) {
            return null;
        }
        String rest = line.substring(3).stripLeading();
        int open = rest.indexOf('(');
        if (open <= 0 || rest.indexOf(')', open) < 0) {
            return null;
        }
        String symbol = rest.substring(0, open);
        for (int i = 0; i < symbol.length(); i++) {
            if (Character.isWhitespace(symbol.charAt(i))) {
                return null;
            }
        }
        String identity = normalizeSymbol(symbol);
        return new Frame(identity, isInApp(identity));
    }

    /** {@code class.method} without module prefix and without generated suffixes. */
    static String normalizeSymbol(String symbol) {
        // Every rewrite below needs a '$' or a '/' in the symbol, but two: one needs "jdk.proxy", one "Generated".
        // Most frames have none of them and are their own identity.
        if (symbol.indexOf('$') < 0 && symbol.indexOf('/') < 0 && !symbol.contains("jdk.proxy")
                && !symbol.contains("Generated")) {
            return symbol;
        }
        return rewriteSymbol(symbol);
    }

    /** {@link #normalizeSymbol} applying every rewrite whether its text occurs or not: the shortcut's reference. */
    static String rewriteSymbol(String symbol) {
        String s = LAMBDA_CLASS.matcher(symbol).replaceAll("\\$\\$Lambda");
        s = HIDDEN_CLASS.matcher(s).replaceAll("");
        s = s.substring(s.lastIndexOf('/') + 1);
        s = LAMBDA_CLASS_NUMBER.matcher(s).replaceAll("\\$\\$Lambda");
        s = LAMBDA_METHOD.matcher(s).replaceAll("$1");
        s = CGLIB.matcher(s).replaceAll("\\$\\$$1");
        s = BYTECODE_PROXY.matcher(s).replaceAll("\\$$1");
        s = JAVASSIST.matcher(s).replaceAll("_\\$\\$_$1");
        s = JDK_PROXY.matcher(s).replaceAll("\\$Proxy");
        s = JDK_PROXY_PACKAGE.matcher(s).replaceAll("jdk.proxy.");
        s = ACCESSOR.matcher(s).replaceAll("$1");
        return ANONYMOUS.matcher(s).replaceAll("\\$<anon>");
    }

    static boolean isInApp(String identity) {
        for (String prefix : FRAMEWORK_PACKAGES) {
            if (identity.startsWith(prefix)) {
                return false;
            }
        }
        for (String marker : GENERATED_MARKERS) {
            if (identity.contains(marker)) {
                return false;
            }
        }
        return true;
    }
}

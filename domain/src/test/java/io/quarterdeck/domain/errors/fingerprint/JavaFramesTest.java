package io.quarterdeck.domain.errors.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JavaFramesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "com.acme.orders.OrderService.place                                 | com.acme.orders.OrderService.place",
        "java.base/java.lang.Thread.run                                     | java.lang.Thread.run",
        "java.base@17.0.12/java.lang.Thread.run                             | java.lang.Thread.run",
        "app//com.acme.Main.main                                            | com.acme.Main.main",
        "com.foo.loader/foo@9.0/com.foo.Main.run                            | com.foo.Main.run",
        "com.acme.Foo$$Lambda$12/0x0000000800c4b840.apply                   | com.acme.Foo$$Lambda.apply",
        "com.acme.Foo$$Lambda/0x000001e5a3003a00.apply                      | com.acme.Foo$$Lambda.apply",
        "com.acme.Foo$$Lambda$1/1831932724.run                              | com.acme.Foo$$Lambda.run",
        "com.acme.Foo.lambda$main$0                                         | com.acme.Foo.lambda$main",
        "com.acme.Foo.lambda$static$12                                      | com.acme.Foo.lambda$static",
        "java.base/java.lang.invoke.LambdaForm$MH/0x0000000800c0c400.invoke | java.lang.invoke.LambdaForm$MH.invoke",
        "com.acme.Foo$Proxy$_$$_WeldClientProxy.bar                         | com.acme.Foo$Proxy$_$$_WeldClientProxy.bar",
        "com.acme.Foo$Proxy$_$$_WeldSubclass.bar$$super                     | com.acme.Foo$Proxy$_$$_WeldSubclass.bar$$super",
        "com.acme.Foo$$EnhancerBySpringCGLIB$$1a2b3c.bar                    | com.acme.Foo$$EnhancerBySpringCGLIB.bar",
        "com.acme.Foo$$FastClassBySpringCGLIB$$9f8e7d.invoke                | com.acme.Foo$$FastClassBySpringCGLIB.invoke",
        "com.acme.Foo$$SpringCGLIB$$0.bar                                   | com.acme.Foo$$SpringCGLIB.bar",
        "com.acme.Order$HibernateProxy$abc123.getId                         | com.acme.Order$HibernateProxy.getId",
        "com.acme.Order$HibernateProxy$Xb5LpTeY.getId                       | com.acme.Order$HibernateProxy.getId",
        "com.acme.Order_$$_jvst1a2_0.getId                                  | com.acme.Order_$$_jvst.getId",
        "com.sun.proxy.$Proxy123.invoke                                     | com.sun.proxy.$Proxy.invoke",
        "jdk.proxy2.$Proxy45.place                                          | jdk.proxy.$Proxy.place",
        "jdk.internal.reflect.GeneratedMethodAccessor123.invoke             | jdk.internal.reflect.GeneratedMethodAccessor.invoke",
        "sun.reflect.GeneratedSerializationConstructorAccessor7.newInstance | sun.reflect.GeneratedSerializationConstructorAccessor.newInstance",
        "com.acme.Foo$1.run                                                 | com.acme.Foo$<anon>.run",
        "com.acme.Foo$1$2.run                                               | com.acme.Foo$<anon>$<anon>.run",
        "com.acme.Foo$Inner.<init>                                          | com.acme.Foo$Inner.<init>"})
    void generated_names_become_stable(String symbol, String expected) {
        assertEquals(expected, JavaFrames.normalizeSymbol(symbol));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "at com.acme.orders.OrderService.place(OrderService.java:42)                  | com.acme.orders.OrderService.place  | true",
        "at com.acme.orders.OrderService.place(OrderService.java:42) ~[app.jar:1.2.3] | com.acme.orders.OrderService.place  | true",
        "at com.acme.orders.OrderService.place(Unknown Source)                        | com.acme.orders.OrderService.place  | true",
        "at java.base/java.lang.Thread.run(Thread.java:833)                           | java.lang.Thread.run                | false",
        "at java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method) | jdk.internal.reflect.NativeMethodAccessorImpl.invoke0 | false",
        "at org.jboss.weld.bean.proxy.CombinedInterceptorAndDecoratorStackMethodHandler.invoke(X.java:79) | org.jboss.weld.bean.proxy.CombinedInterceptorAndDecoratorStackMethodHandler.invoke | false",
        "at com.ibm.ws.webcontainer.servlet.ServletWrapper.service(ServletWrapper.java:1258) | com.ibm.ws.webcontainer.servlet.ServletWrapper.service | false",
        "at io.openliberty.restfulws.Foo.bar(Foo.java:1)                              | io.openliberty.restfulws.Foo.bar    | false",
        "at org.apache.cxf.jaxrs.JAXRSInvoker.invoke(JAXRSInvoker.java:213)           | org.apache.cxf.jaxrs.JAXRSInvoker.invoke | false",
        "at org.eclipse.yasson.internal.Marshaller.serialize(Marshaller.java:140)     | org.eclipse.yasson.internal.Marshaller.serialize | false",
        "at org.springframework.aop.framework.CglibAopProxy.intercept(CglibAopProxy.java:1)| org.springframework.aop.framework.CglibAopProxy.intercept | false",
        "at kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(X.kt:33)   | kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith | false",
        "at com.acme.Foo$Proxy$_$$_WeldClientProxy.bar(Unknown Source)                | com.acme.Foo$Proxy$_$$_WeldClientProxy.bar | false",
        "at com.acme.Foo$$SpringCGLIB$$0.bar(<generated>)                             | com.acme.Foo$$SpringCGLIB.bar       | false",
        "at com.acme.$Proxy12.place(Unknown Source)                                   | com.acme.$Proxy.place               | false",
        "at com.acme.Foo$$Lambda$12/0x0000000800c4b840.apply(Unknown Source)          | com.acme.Foo$$Lambda.apply          | true"})
    void frame_lines_parse_to_identity_and_origin(String line, String identity, boolean inApp) {
        assertEquals(new Frame(identity, inApp), JavaFrames.parseLine(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "at UserService.getUser (/app/src/services/user.js:45:12)",
        "at /app/src/index.js:10:5",
        "... 12 more",
        "Caused by: java.lang.IllegalStateException: boom",
        "java.lang.IllegalStateException: failed at step(3)",
        "at ",
        "at (Foo.java:1)"})
    void other_lines_are_no_java_frames(String line) {
        assertNull(JavaFrames.parseLine(line));
    }

    /** The shortcut (a symbol without '$', '/', "jdk.proxy" or "Generated" is its own identity) changes nothing. */
    @org.junit.jupiter.api.Test
    void the_shortcut_for_plain_symbols_changes_no_identity() {
        String[] parts = {"com", "acme", "Foo", "bar", ".", "$", "/", "$$Lambda$12/0x000001", "$$Lambda/0x0000abc",
            "lambda$run$0", "$1", "$Proxy12", "jdk.proxy2.", "jdk.proxy", "GeneratedMethodAccessor12",
            "GeneratedConstructorAccessor3", "Generated", "$$EnhancerBySpringCGLIB$$abc123", "$HibernateProxy$xyz",
            "_$$_jvst12", "app//", "java.base/", "/0x1234", "$Inner", "Accessor7", "0x", "12"};
        java.util.Random random = new java.util.Random(20261201);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder symbol = new StringBuilder();
            for (int p = 1 + random.nextInt(8); p > 0; p--) {
                symbol.append(parts[random.nextInt(parts.length)]);
            }
            String s = symbol.toString();
            assertEquals(JavaFrames.rewriteSymbol(s), JavaFrames.normalizeSymbol(s), () -> "symbol: " + s);
        }
    }
}

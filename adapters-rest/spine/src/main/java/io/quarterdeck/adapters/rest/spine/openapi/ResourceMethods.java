package io.quarterdeck.adapters.rest.spine.openapi;

import jakarta.ws.rs.HttpMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * The Java method behind an operation id of the form {@code package.Class_method}, as the generator writes it with
 * {@code mp.openapi.extensions.smallrye.operationIdStrategy=PACKAGE_CLASS_METHOD}.
 */
final class ResourceMethods {
    private ResourceMethods() {
    }

    /** The resource method, or null when the id is not of that form or names nothing loadable. */
    static Method find(String operationId) {
        if (operationId == null) {
            return null;
        }
        int cut = operationId.lastIndexOf('_');
        if (cut <= 0 || operationId.lastIndexOf('.', cut) < 0) {
            return null;
        }
        Class<?> type;
        try {
            // The WAR's loader: it sees every surface module, whatever thread the generator runs on.
            type = Class.forName(operationId.substring(0, cut), false, ResourceMethods.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        String name = operationId.substring(cut + 1);
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(name) && isResourceMethod(m)) {
                return m;
            }
        }
        return null;
    }

    static boolean isResourceMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }
}

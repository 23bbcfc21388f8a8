package io.quarterdeck.adapters.rest.spine.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The audit action name of a resource method, when the derived {@code <resource>.<method>} would not read well. On a
 * read ({@code GET}), which is otherwise not audited, it also asks for the read to be audited (log reads).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {
    String value();
}

package io.quarterdeck.adapters.rest.spine.security;

import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call: a person whose role is at least {@link #role()}, or a machine (service client, API key) holding one
 * of {@link #scopes()}; no scopes closes the endpoint to machines. Every resource method declares this or
 * {@link PublicEndpoint}, and a test enumerates them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
    Role role();

    Scope[] scopes() default {};
}

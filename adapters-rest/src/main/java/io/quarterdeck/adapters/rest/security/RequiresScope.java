package io.quarterdeck.adapters.rest.security;

import io.quarterdeck.domain.identity.Scope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The caller must hold at least one of these scopes. Every resource method declares this or {@link PublicEndpoint}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
    Scope[] value();
}

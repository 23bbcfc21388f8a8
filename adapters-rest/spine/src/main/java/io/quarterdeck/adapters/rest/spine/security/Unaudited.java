package io.quarterdeck.adapters.rest.spine.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write that is telemetry, not a change anyone must answer for (error ingestion: thousands per second, each kept
 * as an occurrence already). Its refusals (401, 403) are still audited. The reason is required.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unaudited {
    String value();
}

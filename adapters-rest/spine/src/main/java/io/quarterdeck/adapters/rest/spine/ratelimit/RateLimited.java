package io.quarterdeck.adapters.rest.spine.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Which limit a resource method (or every method of a class) is counted against; undeclared means {@link Plan#GENERAL}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {
    Plan value();

    enum Plan {
        /** Per caller when authenticated, per client address when not. */
        GENERAL,
        /** Sign-in, token and registration endpoints: per client address, strict (brute force). */
        AUTH,
        /** Error ingestion: per API key (or caller), a limit of its own. */
        INGEST,
        /** Not limited: health probes, which load balancers and orchestrators call constantly. */
        NONE
    }
}

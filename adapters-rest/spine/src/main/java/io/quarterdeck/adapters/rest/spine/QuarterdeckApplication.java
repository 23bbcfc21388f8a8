package io.quarterdeck.adapters.rest.spine;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Activates JAX-RS at the context root; every contract's paths are absolute (API-MAP.md). */
@ApplicationPath("/")
public class QuarterdeckApplication extends Application {
}

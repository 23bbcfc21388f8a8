package io.quarterdeck.adapters.rest.archfixture;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deliberately wrong: a REST class reading a configuration key itself instead of through RestSettings. */
public class RestReadingConfiguration {
    @ConfigProperty(name = "quarterdeck.http.max-body-bytes", defaultValue = "10485760")
    long maxBodyBytes;
}

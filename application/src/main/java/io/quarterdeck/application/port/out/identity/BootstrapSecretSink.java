package io.quarterdeck.application.port.out.identity;

/** Hands a generated bootstrap secret to the operator once, somewhere only the owner can read it. */
public interface BootstrapSecretSink {
    /** Where it was delivered, for the log (never the secret itself). */
    String deliver(String name, String secret);
}

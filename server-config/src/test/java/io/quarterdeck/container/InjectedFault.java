package io.quarterdeck.container;

/** The failure a test-only decorator throws from inside a transaction, so the test can tell it from any other. */
final class InjectedFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFault(String what) {
        super("injected by the in-container test: " + what);
    }
}

package io.quarterdeck.application.errors;

/**
 * Notifications sent after a commit. The change is durable by then, so a failing notifier is logged and never
 * turns a stored occurrence into an error for the client (who would retry and double-count it).
 */
final class AfterCommit {
    private static final System.Logger LOG = System.getLogger(AfterCommit.class.getName());

    private AfterCommit() {
    }

    static void publish(Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a live notification failed; the change itself is committed", e);
        }
    }
}

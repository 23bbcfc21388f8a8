package io.quarterdeck.domain.errors.fingerprint;

/**
 * One parsed stack frame.
 *
 * @param identity normalized "file or class + function", free of line numbers, columns and addresses
 * @param inApp    whether the frame belongs to the application rather than to a runtime, framework or library
 */
record Frame(String identity, boolean inApp) {
}

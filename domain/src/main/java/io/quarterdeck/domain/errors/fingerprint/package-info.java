/** Error grouping: turns a report's message, stack trace and source (or a client-supplied fingerprint) into a stable {@link io.quarterdeck.domain.errors.fingerprint.Fingerprint}. */
package io.quarterdeck.domain.errors.fingerprint;

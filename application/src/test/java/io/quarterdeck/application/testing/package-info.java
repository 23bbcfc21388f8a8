/**
 * In-memory adapters for the out-ports: the same observable behaviour as the real ones (the shared contract tests
 * prove it), so services can be tested without a database. Test code only.
 */
package io.quarterdeck.application.testing;

/** Unit tests of the error tracking services, run on the in-memory adapters and a real writer thread. */
package io.quarterdeck.application.errors;

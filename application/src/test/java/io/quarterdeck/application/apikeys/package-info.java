/** Unit tests of API key bootstrap and authentication, with a test-only salted SHA-256 hasher. */
package io.quarterdeck.application.apikeys;

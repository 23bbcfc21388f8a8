/** Test fixtures over the real Docker Engine (the CLI, a TCP relay to its socket), shared with server-config's ITs. */
package io.quarterdeck.adapters.docker.testing;

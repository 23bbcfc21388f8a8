/** Integration tests: the running Liberty server over HTTP and WebSocket, as clients see it. */
package io.quarterdeck.it;

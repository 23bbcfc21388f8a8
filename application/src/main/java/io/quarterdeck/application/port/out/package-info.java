/** Out-ports: what the core needs from storage, hashing, notification and the host, named for the need. */
package io.quarterdeck.application.port.out;

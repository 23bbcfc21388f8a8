/** What container management needs from outside the core: container engines (one per endpoint) and the server store. */
package io.quarterdeck.application.port.out.containers;

/** Container management: containers of the local engine and of registered servers, the servers, terminals. */
package io.quarterdeck.application.port.in.containers;

/**
 * Containers and the servers whose engines run them: container states and the actions each allows, resource usage
 * computed as {@code docker stats} does, server names and engine endpoints.
 */
package io.quarterdeck.domain.containers;

/**
 * The Docker Engine behind the container-engine port, with docker-java over Apache HttpClient 5 (unix socket and
 * tcp with or without TLS). No docker-java type leaves this package.
 */
package io.quarterdeck.adapters.docker;

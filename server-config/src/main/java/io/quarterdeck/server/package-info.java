/** The composition root: JAX-RS activation, CDI producers of configuration, start-up and scheduled work. */
package io.quarterdeck.server;

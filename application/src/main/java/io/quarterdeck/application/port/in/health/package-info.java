/** In-port for liveness and readiness of the whole application. */
package io.quarterdeck.application.port.in.health;

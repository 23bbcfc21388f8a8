/** /health, /health/live and /health/ready: the product's own liveness and readiness. */
package io.quarterdeck.adapters.rest.health;

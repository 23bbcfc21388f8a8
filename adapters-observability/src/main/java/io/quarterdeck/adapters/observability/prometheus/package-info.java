/** Prometheus' HTTP API: the PromQL query proxy and its health probe. */
package io.quarterdeck.adapters.observability.prometheus;

/** The observability adapter: the host sampler, and clients of Prometheus, Loki and Grafana; their settings. */
package io.quarterdeck.adapters.observability;

/** Grafana's search API, the dashboards Quarterdeck ships for its own metrics, and Grafana's health probe. */
package io.quarterdeck.adapters.observability.grafana;

/** Metrics under {@code /api/v1}: seed 004's server metrics and history, seed 000's Prometheus query and dashboards. */
package io.quarterdeck.adapters.rest.apiv1.metrics;

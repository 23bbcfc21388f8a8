/** The application's own metrics at {@code /metrics}: requests per surface and route, ingestion queue depth and batch sizes. */
package io.quarterdeck.adapters.rest.spine.metrics;

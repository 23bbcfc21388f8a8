/** Loki's HTTP API as a log store: push, query_range with LogQL built from the filters, label values; its probe. */
package io.quarterdeck.adapters.observability.loki;

/**
 * Error groups and their occurrences in plain JDBC inside the caller's JPA transaction (one mapping per table), with
 * the ingestion writer's cache of recently written groups; only the two repositories are public.
 */
package io.quarterdeck.adapters.persistence.errors;

/** The history of host samples, by plain JDBC. */
package io.quarterdeck.adapters.persistence.metrics;

/** The registered servers in {@code servers}, by plain JDBC. */
package io.quarterdeck.adapters.persistence.containers;

/**
 * Shared by every stored feature: schema migrations, the container's persistence resources as beans, JDBC inside the
 * JPA transaction, the database probe, and SQL states turned into port exceptions.
 */
package io.quarterdeck.adapters.persistence.support;

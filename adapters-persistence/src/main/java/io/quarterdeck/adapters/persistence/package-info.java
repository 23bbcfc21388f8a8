/** Storage adapters: JPA (Hibernate) repositories for the out-ports, Flyway migrations and the database probe. */
package io.quarterdeck.adapters.persistence;

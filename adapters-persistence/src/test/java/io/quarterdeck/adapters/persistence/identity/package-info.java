/** Contract tests of the JPA identity stores on H2 and PostgreSQL. */
package io.quarterdeck.adapters.persistence.identity;

/** Contract tests of the JDBC server store on H2 and PostgreSQL. */
package io.quarterdeck.adapters.persistence.containers;

/** Contract tests of the built-in log store on H2 and PostgreSQL. */
package io.quarterdeck.adapters.persistence.logs;

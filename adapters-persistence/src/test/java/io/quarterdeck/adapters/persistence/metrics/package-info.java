/** Contract tests of the host sample history on H2 and PostgreSQL. */
package io.quarterdeck.adapters.persistence.metrics;

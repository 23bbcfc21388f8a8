/** The built-in log store: lines and their sources in the application's database, by plain JDBC. */
package io.quarterdeck.adapters.persistence.logs;

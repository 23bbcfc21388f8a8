/** Apps, runtimes, pipeline tasks, function logs and the command outbox in plain JDBC on the caller's transaction. */
package io.quarterdeck.adapters.persistence.apps;

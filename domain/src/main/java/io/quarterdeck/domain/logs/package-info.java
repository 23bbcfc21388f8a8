/** The log model: one line from any source (service, container, server, app), levels, queries and their pages. */
package io.quarterdeck.domain.logs;

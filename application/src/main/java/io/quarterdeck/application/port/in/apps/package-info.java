/** Use cases of apps: reports from managers, queries, commands (single and bulk), the outbox relay, monitoring. */
package io.quarterdeck.application.port.in.apps;

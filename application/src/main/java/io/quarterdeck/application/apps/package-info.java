/** The apps use cases: reports, queries, commands through the outbox, the relay, monitoring; events after commit. */
package io.quarterdeck.application.apps;

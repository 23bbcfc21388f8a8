/** Incidents: a title, a severity, a status that moves forward to resolved, an assignee and a timeline. */
package io.quarterdeck.domain.incidents;

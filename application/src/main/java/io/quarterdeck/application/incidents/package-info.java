/** Incident services. */
package io.quarterdeck.application.incidents;

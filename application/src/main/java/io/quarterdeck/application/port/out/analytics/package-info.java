/** Out-port of error analytics: aggregates computed by the store. */
package io.quarterdeck.application.port.out.analytics;

/** Use cases of error analytics: statistics and trends. */
package io.quarterdeck.application.port.in.analytics;

/** Error analytics services. */
package io.quarterdeck.application.analytics;

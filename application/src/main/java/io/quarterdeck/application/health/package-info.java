/** Service implementing the health use case. */
package io.quarterdeck.application.health;

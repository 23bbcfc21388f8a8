/** Services implementing API key authentication and bootstrap. */
package io.quarterdeck.application.apikeys;

/** What API keys need from outside the core: their store. */
package io.quarterdeck.application.port.out.apikeys;

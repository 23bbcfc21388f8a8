/** In-ports for API keys: authenticate a presented key, create the bootstrap key. */
package io.quarterdeck.application.port.in.apikeys;

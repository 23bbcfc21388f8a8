/** REST and WebSocket adapters: every contract surface, translated to and from the in-ports. */
package io.quarterdeck.adapters.rest;

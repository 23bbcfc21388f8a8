/** WebSocket endpoints and the publisher that pushes committed changes to them. */
package io.quarterdeck.adapters.rest.websocket;

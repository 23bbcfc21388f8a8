/**
 * The HTTP spine every surface shares, with no endpoint of its own: request ids, security headers, CORS, body limits,
 * gzip, JSON conversion, client addresses, exception mappers, and the error-shape SPI ({@link
 * io.quarterdeck.adapters.rest.spine.ErrorShape}) that each surface implements.
 */
package io.quarterdeck.adapters.rest.spine;

/**
 * What every surface shares: the request spine (request ids, security headers, CORS, body limits), error shapes,
 * gzip, JSON conversion, client addresses.
 */
package io.quarterdeck.adapters.rest.support;

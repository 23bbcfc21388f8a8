/** What every surface shares: error shapes, request ids, JSON conversion, client addresses, body limits. */
package io.quarterdeck.adapters.rest.support;

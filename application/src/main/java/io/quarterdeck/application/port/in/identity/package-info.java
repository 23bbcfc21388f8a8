/** In-ports for identities: signing in and out, tokens, profiles, API keys, service clients, the team, audit. */
package io.quarterdeck.application.port.in.identity;

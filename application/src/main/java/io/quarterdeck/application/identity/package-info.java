/** Identity use cases: sign-in, one-time refresh tokens, revocation, profiles, keys, service clients, team, audit. */
package io.quarterdeck.application.identity;

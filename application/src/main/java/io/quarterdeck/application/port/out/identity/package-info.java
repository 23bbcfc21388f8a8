/** What identities need from outside the core: people, clients, refresh tokens, revocations, invitations, audit, hashing, token issuing, secret delivery. */
package io.quarterdeck.application.port.out.identity;

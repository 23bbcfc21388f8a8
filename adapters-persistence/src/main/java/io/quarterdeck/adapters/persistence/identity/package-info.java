/** JPA storage of people, service clients, refresh tokens, the revocation list, invitations and the audit log. */
package io.quarterdeck.adapters.persistence.identity;

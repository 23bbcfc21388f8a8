/**
 * Identities and what they may do: the role ladder, people and their passwords' policy, service clients, API keys
 * and scopes, refresh-token families, invitations, the caller of a request, and the audit record.
 */
package io.quarterdeck.domain.identity;

/** Identities and what they may do: API keys, scopes and the authenticated principal. */
package io.quarterdeck.domain.identity;

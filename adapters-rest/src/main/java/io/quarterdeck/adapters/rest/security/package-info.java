/** Who is calling and what they may do: API key authentication, scope declarations and Argon2id hashing. */
package io.quarterdeck.adapters.rest.security;

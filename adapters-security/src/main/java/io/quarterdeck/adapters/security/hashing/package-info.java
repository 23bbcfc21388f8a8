/** Argon2id hashing of passwords, API keys and client secrets (Bouncy Castle). */
package io.quarterdeck.adapters.security.hashing;

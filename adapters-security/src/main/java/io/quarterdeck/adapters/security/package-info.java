/** The security adapter's settings: every {@code quarterdeck.jwt.*} and {@code quarterdeck.oidc.*} key it reads, typed. */
package io.quarterdeck.adapters.security;

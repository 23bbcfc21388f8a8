/** The token endpoints of seeds 003 and 004 under {@code /api/v1/auth}: sign-in, refresh, client credentials, profile. */
package io.quarterdeck.adapters.rest.auth;

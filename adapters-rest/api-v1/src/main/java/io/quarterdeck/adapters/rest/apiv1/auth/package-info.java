/** The token endpoints of seeds 003 and 004 under /api/v1/auth: sign-in, refresh, client credentials, profile, signing keys. */
package io.quarterdeck.adapters.rest.apiv1.auth;

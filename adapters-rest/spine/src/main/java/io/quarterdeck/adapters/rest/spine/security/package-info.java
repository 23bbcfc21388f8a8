/**
 * Who is calling and may they: the authentication filter (through the authentication in-port), the role and scope
 * declarations every endpoint carries, the audit filter, and socket authentication.
 */
package io.quarterdeck.adapters.rest.spine.security;

/** Tests of the signing key ring shared by instances on one database. */
package io.quarterdeck.adapters.security.keys;

/** Tests of the apps stores against real databases. */
package io.quarterdeck.adapters.persistence.apps;

/** Tests of the apps rules. */
package io.quarterdeck.domain.apps;

/** Deliberately wrong classes that the architecture rules must reject. */
package io.quarterdeck.server.archfixture;

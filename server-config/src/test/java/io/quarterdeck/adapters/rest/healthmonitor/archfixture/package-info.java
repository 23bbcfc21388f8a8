/** Deliberately wrong classes that the architecture rules must reject. */
package io.quarterdeck.adapters.rest.healthmonitor.archfixture;

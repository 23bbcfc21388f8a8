/** Tests of the support persistence adapters against real databases. */
package io.quarterdeck.adapters.persistence.support;

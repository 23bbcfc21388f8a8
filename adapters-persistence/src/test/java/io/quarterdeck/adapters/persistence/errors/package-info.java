/** Tests of the errors persistence adapters against real databases. */
package io.quarterdeck.adapters.persistence.errors;

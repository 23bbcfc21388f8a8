/** Tests of the apikeys persistence adapters against real databases. */
package io.quarterdeck.adapters.persistence.apikeys;

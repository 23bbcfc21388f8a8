/** Tests of the identity services on in-memory out-ports. */
package io.quarterdeck.application.identity;

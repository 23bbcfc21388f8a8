/** The application layer: use cases of Quarterdeck, implemented over the domain and the out-ports. */
package io.quarterdeck.application;

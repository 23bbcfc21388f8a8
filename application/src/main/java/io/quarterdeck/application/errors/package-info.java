/** Services implementing the error tracking use cases. */
package io.quarterdeck.application.errors;

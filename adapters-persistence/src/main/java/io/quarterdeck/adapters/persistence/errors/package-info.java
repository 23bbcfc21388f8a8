/** JPA storage of error groups and their occurrences. */
package io.quarterdeck.adapters.persistence.errors;

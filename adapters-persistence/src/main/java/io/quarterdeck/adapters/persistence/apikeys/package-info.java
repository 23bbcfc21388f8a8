/** JPA storage of API keys (hashes only). */
package io.quarterdeck.adapters.persistence.apikeys;

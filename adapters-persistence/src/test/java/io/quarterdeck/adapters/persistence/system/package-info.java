/** Tests of the runtime settings persistence adapter against a real database. */
package io.quarterdeck.adapters.persistence.system;

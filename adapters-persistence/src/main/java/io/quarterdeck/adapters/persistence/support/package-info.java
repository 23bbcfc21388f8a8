/** Schema migrations and the database probe, shared by every stored feature. */
package io.quarterdeck.adapters.persistence.support;

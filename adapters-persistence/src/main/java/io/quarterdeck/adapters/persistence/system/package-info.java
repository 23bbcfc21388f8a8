/** Settings changed at runtime, kept in {@code runtime_settings}. */
package io.quarterdeck.adapters.persistence.system;

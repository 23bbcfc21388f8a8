package io.quarterdeck.adapters.persistence.archfixture;

/** A persistence-adapter class for the wrong REST fixture to call. */
public class PersistenceThing {
}

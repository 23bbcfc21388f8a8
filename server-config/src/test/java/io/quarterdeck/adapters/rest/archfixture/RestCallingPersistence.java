package io.quarterdeck.adapters.rest.archfixture;

import io.quarterdeck.adapters.persistence.archfixture.PersistenceThing;

/** Deliberately wrong: one adapter calling another. */
public class RestCallingPersistence {
    PersistenceThing thing;
}

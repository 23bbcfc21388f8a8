package io.quarterdeck.adapters.rest.archfixture;

/** Deliberately wrong: a REST class using the persistence adapter's technology. */
public class RestUsingJpa {
    jakarta.persistence.EntityManager entityManager;
}

package io.quarterdeck.application.archfixture;

import jakarta.persistence.EntityManager;

/** Deliberately wrong: an application service reaching for JPA instead of an out-port. */
public class ServiceUsingJpa {
    EntityManager em;
}

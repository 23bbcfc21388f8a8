package io.quarterdeck.domain.archfixture;

/** Deliberately wrong: a domain type that carries a JPA annotation (the cargotracker trap). */
@jakarta.persistence.Entity
public class DomainTypeWithJpaAnnotation {
}

package io.quarterdeck.domain.archfixture;

/** Deliberately wrong: the domain depending outwards on an application service. */
public class DomainCallingService {
    io.quarterdeck.application.errors.IngestErrorService service;
}

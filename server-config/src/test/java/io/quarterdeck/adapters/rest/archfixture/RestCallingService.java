package io.quarterdeck.adapters.rest.archfixture;

/** Deliberately wrong: an adapter reaching past the ports into an application service. */
public class RestCallingService {
    io.quarterdeck.application.errors.ErrorQueryService service;
}

package io.quarterdeck.application.port.out.archfixture;

/** Deliberately wrong: an out-port that is a class, not an interface. */
public class ClassAsOutPort {
}

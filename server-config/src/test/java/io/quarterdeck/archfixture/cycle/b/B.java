package io.quarterdeck.archfixture.cycle.b;

/** Deliberately wrong: the other half of a package cycle. */
public class B {
    io.quarterdeck.archfixture.cycle.a.A a;
}

package io.quarterdeck.archfixture.cycle.a;

/** Deliberately wrong: half of a package cycle. */
public class A {
    io.quarterdeck.archfixture.cycle.b.B b;
}

package io.quarterdeck.domain.alerting;

/** Numbers as people write them: {@code 5}, not {@code 5.0}. */
final class Numbers {
    private Numbers() {
    }

    static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}

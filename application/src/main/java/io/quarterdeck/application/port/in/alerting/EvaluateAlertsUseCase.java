package io.quarterdeck.application.port.in.alerting;

/** One tick of the evaluator. */
public interface EvaluateAlertsUseCase {
    /** Evaluates every due rule this instance could claim; returns how many it evaluated. */
    int evaluateDue();
}

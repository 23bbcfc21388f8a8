package io.quarterdeck.adapters.rest.healthmonitor.archfixture;

/** Deliberately wrong: one surface depending on another. */
public class HealthMonitorCallingApiV1 {
    io.quarterdeck.adapters.rest.apiv1.ApiV1ErrorShape shape;
}

package io.quarterdeck.application.port.out.monitoring;

/** Tells live subscribers that a service changed state ({@code healthy} or {@code unhealthy}); never throws. */
public interface ServiceStatusPublisher {
    void statusChanged(String service, String status);
}

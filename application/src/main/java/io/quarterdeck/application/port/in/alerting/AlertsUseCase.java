package io.quarterdeck.application.port.in.alerting;

import io.quarterdeck.domain.alerting.Alert;
import java.util.List;

/** Reading alerts. */
public interface AlertsUseCase {
    /** Firing alerts, newest first. */
    List<Alert> firing(int limit);

    /** Firing and resolved alerts, newest first. */
    List<Alert> recent(int limit);
}

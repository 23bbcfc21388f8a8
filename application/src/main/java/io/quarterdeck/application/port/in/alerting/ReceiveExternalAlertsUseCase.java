package io.quarterdeck.application.port.in.alerting;

import java.util.List;

/** The Alertmanager intake: firing alerts are raised (or kept), resolved ones resolved. */
public interface ReceiveExternalAlertsUseCase {
    /** Returns how many alerts changed. */
    int receive(String receiver, List<ExternalAlert> alerts);
}

package io.quarterdeck.application.port.in.incidents;

import io.quarterdeck.domain.alerting.Severity;
import io.quarterdeck.domain.incidents.Incident;
import io.quarterdeck.domain.incidents.IncidentStatus;
import java.util.List;

/** Incidents: open, list, move through their states. */
public interface ManageIncidentsUseCase {
    /** Opening an incident; {@code alertIds} are attached to it (a 404 when one does not exist). */
    record OpenIncident(String title, String description, Severity severity, String assignedTo,
                        List<String> alertIds, String author) {
    }

    /** A change; null fields stay. */
    record UpdateIncident(IncidentStatus status, String title, String description, Severity severity,
                          String assignedTo, String message, String author) {
    }

    List<Incident> list(int limit);

    Incident get(String id);

    Incident open(OpenIncident command);

    Incident update(String id, UpdateIncident command);
}

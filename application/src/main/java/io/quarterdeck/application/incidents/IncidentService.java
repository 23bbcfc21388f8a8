package io.quarterdeck.application.incidents;

import io.quarterdeck.application.port.in.incidents.ManageIncidentsUseCase;
import io.quarterdeck.application.port.out.alerting.AlertRepository;
import io.quarterdeck.application.port.out.incidents.IncidentRepository;
import io.quarterdeck.domain.alerting.Alert;
import io.quarterdeck.domain.alerting.Severity;
import io.quarterdeck.domain.incidents.Incident;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Incidents, each change one transaction. */
@ApplicationScoped
public class IncidentService implements ManageIncidentsUseCase {
    private final IncidentRepository incidents;
    private final AlertRepository alerts;
    private final Clock clock;

    @Inject
    public IncidentService(IncidentRepository incidents, AlertRepository alerts, Clock clock) {
        this.incidents = incidents;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected IncidentService() {
        this(null, null, null);
    }

    @Override
    @Transactional
    public List<Incident> list(int limit) {
        return incidents.list(limit);
    }

    @Override
    @Transactional
    public Incident get(String id) {
        return incidents.find(id).orElseThrow(() -> new NotFoundException("incident", id));
    }

    @Override
    @Transactional
    public Incident open(OpenIncident c) {
        List<Alert> attached = c.alertIds() == null ? List.of() : c.alertIds().stream()
                .map(id -> alerts.find(id).orElseThrow(() -> new NotFoundException("alert", id))).toList();
        Severity severity = c.severity() != null ? c.severity() : attached.stream().map(Alert::severity)
                .max(Enum::compareTo).orElse(Severity.WARNING);
        Incident incident = Incident.open("incident-" + UUID.randomUUID(), c.title(), c.description(), severity,
                c.assignedTo(), c.author(), clock.instant());
        incidents.save(incident);
        for (Alert a : attached) {
            alerts.save(a.attachedTo(incident.id()));
        }
        return incident;
    }

    @Override
    @Transactional
    public Incident update(String id, UpdateIncident c) {
        Incident changed = get(id).update(c.status(), c.title(), c.description(), c.severity(), c.assignedTo(),
                c.message(), c.author(), clock.instant());
        incidents.save(changed);
        return changed;
    }
}

package io.quarterdeck.adapters.messaging.amqp;

import io.quarterdeck.application.port.in.apps.ReportUseCase;
import io.quarterdeck.application.port.in.apps.Reports;
import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.FunctionLog;
import io.quarterdeck.domain.apps.PipelineTask;

/** One report message into the use case its {@code type} names. */
final class ReportDispatcher {
    private final ReportUseCase reports;

    ReportDispatcher(ReportUseCase reports) {
        this.reports = reports;
    }

    /** The decoded report of a message; a {@code DomainException} when it is malformed. */
    static Object decode(byte[] body) {
        return Reports.message(JsonMaps.parse(body));
    }

    /** Decoded reports in one transaction; a {@code DomainException} when one is refused (nothing applied then). */
    void applyAll(java.util.List<Object> batch) {
        reports.reportAll(batch);
    }

    /** Throws a {@code DomainException} when the message is malformed or names something unknown. */
    void dispatch(byte[] body) {
        apply(decode(body));
    }

    /** One decoded report in a transaction of its own. */
    void apply(Object report) {
        if (report instanceof App.Registration r) {
            reports.register(r);
        } else if (report instanceof Reports.AppStatus s) {
            reports.reportStatus(s.app(), s.report());
        } else if (report instanceof AppRuntime r) {
            reports.reportRuntime(r);
        } else if (report instanceof PipelineTask t) {
            reports.reportTask(t);
        } else if (report instanceof FunctionLog l) {
            reports.reportFunction(l);
        }
    }
}

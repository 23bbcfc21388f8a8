package io.quarterdeck.application.port.in.errors;

import io.quarterdeck.domain.errors.ErrorGroup;
import java.util.List;

/** Accepts one error occurrence; returns only after it is durably committed. */
public interface IngestErrorUseCase {
    /** The group the occurrence was aggregated into, as committed. */
    ErrorGroup ingest(IngestErrorCommand command);

    /**
     * Accepts many occurrences: each item is validated on its own; the valid ones are recorded together and
     * acknowledged after commit. One outcome per command, in order.
     */
    List<IngestOutcome> ingestAll(List<IngestErrorCommand> commands);
}

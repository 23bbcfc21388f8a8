package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.GetErrorUseCase;
import io.quarterdeck.application.port.in.errors.ListErrorsUseCase;
import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorPage;
import io.quarterdeck.domain.errors.ErrorQuery;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The read side of error tracking. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ErrorQueryService implements ListErrorsUseCase, GetErrorUseCase {
    private final ErrorGroupRepository groups;

    @Inject
    public ErrorQueryService(ErrorGroupRepository groups) {
        this.groups = groups;
    }

    /** For CDI proxies only. */
    protected ErrorQueryService() {
        this(null);
    }

    @Override
    public ErrorPage list(ErrorQuery query) {
        return groups.search(query);
    }

    @Override
    public ErrorGroup get(ErrorGroupId id) {
        return groups.findById(id).orElseThrow(() -> new NotFoundException("error", id.value()));
    }
}

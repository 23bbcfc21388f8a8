package io.quarterdeck.application.port.in.apps;

import io.quarterdeck.application.port.out.apps.ResultPage;
import io.quarterdeck.domain.apps.AppQuery;

/** Apps as dashboards list them. */
public interface QueryAppsUseCase {
    ResultPage<AppDetails> list(AppQuery query);

    /** An unknown app is a {@code NotFoundException}. */
    AppDetails get(String app);
}

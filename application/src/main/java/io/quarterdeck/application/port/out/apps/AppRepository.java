package io.quarterdeck.application.port.out.apps;

import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Apps by name. Every method joins the caller's transaction. */
public interface AppRepository {
    Optional<App> find(String app);

    /** The app, locked against concurrent writers until the transaction ends. */
    Optional<App> lock(String app);

    /** Inserts a new app; an app of that name already stored is an {@link AppAlreadyExistsException}. */
    void insert(App app);

    void updateAll(Collection<App> apps);

    /** The apps of these names that exist, locked, by name (one statement for a batch of reports). */
    java.util.Map<String, App> lockAll(Collection<String> apps);

    /** Inserts new apps in one batch; a name already stored is an {@link AppAlreadyExistsException}. */
    void insertAll(Collection<App> apps);

    ResultPage<AppSummary> search(AppQuery query);

    /** Apps matching the filter, sorted by name, locked; at most {@code max}. */
    List<App> lockMatching(AppFilter filter, int max);
}

package io.quarterdeck.application.port.out.alerting;

import io.quarterdeck.domain.alerting.Condition;
import java.time.Instant;
import java.util.List;

/**
 * Error groups that rules watch one by one: groups first seen in a window ("new group") and regressed groups seen in
 * a window ("regression"). Answered by indexed queries over the groups seen in the window, never by loading
 * occurrences.
 */
public interface ErrorGroupWatch {
    /** One group a rule fires for: its id, its source (null if none), its occurrence count. */
    record GroupHit(String groupId, String source, long occurrences) {
    }

    /** Groups first seen at or after {@code since} matching the filters, newest first, at most {@code limit}. */
    List<GroupHit> newGroups(Condition.NewGroup condition, Instant since, int limit);

    /**
     * Groups that are regressed (resolved, then seen again, not resolved since) and were last seen at or after
     * {@code since}, matching the filters, most recently seen first, at most {@code limit}.
     */
    List<GroupHit> regressions(Condition.Regression condition, Instant since, int limit);
}

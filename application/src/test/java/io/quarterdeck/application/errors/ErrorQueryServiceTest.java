package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;

import static io.quarterdeck.application.errors.Reports.T0;
import static io.quarterdeck.application.errors.Reports.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.application.testing.InMemoryErrorStore;
import io.quarterdeck.domain.errors.ClientInfo;
import io.quarterdeck.domain.errors.ErrorEventTestData;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.ErrorPage;
import io.quarterdeck.domain.errors.ErrorQuery;
import io.quarterdeck.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorQueryServiceTest {
    private final InMemoryErrorStore store = new InMemoryErrorStore();
    private final ErrorGroupTransactions transactions =
            new ErrorGroupTransactions(store.groups(), store.occurrences(), ErrorTrackingSettings.defaults());
    private final ErrorQueryService queries = new ErrorQueryService(store.groups());

    private ErrorGroup record(ErrorLevel level, String message, String source, Instant at) {
        return transactions.record(List.of(ErrorEventTestData.anError().withLevel(level).withMessage(message)
                .withSource(source).withClient(ClientInfo.UNKNOWN).at(at).build())).get(0);
    }

    private static List<String> messages(ErrorPage page) {
        return page.errors().stream().map(ErrorGroup::message).toList();
    }

    @Test
    void list_pages_through_the_groups_newest_last_occurrence_first() {
        for (int i = 0; i < 5; i++) {
            record(ErrorLevel.ERROR, "m" + i, "web", T0.plusSeconds(i));
        }

        ErrorPage first = queries.list(new ErrorQuery(2, 0, null, null, null, null));
        ErrorPage second = queries.list(new ErrorQuery(2, 2, null, null, null, null));
        ErrorPage last = queries.list(new ErrorQuery(2, 4, null, null, null, null));

        assertEquals(List.of("m4", "m3"), messages(first));
        assertEquals(List.of("m2", "m1"), messages(second));
        assertEquals(List.of("m0"), messages(last));
        assertEquals(List.of(1, 2, 3), List.of(first.page(), second.page(), last.page()));
        assertEquals(5, last.total());
        assertEquals(2, last.limit());
    }

    @Test
    void list_applies_level_source_resolved_and_text_filters_and_counts_only_matches() {
        record(ErrorLevel.ERROR, "Database connection failed", "backend", T0);
        record(ErrorLevel.WARNING, "Slow database query", "backend", T0.plusSeconds(1));
        ErrorGroup button = record(ErrorLevel.ERROR, "Button broken", "frontend", T0.plusSeconds(2));
        transactions.resolve(button.id(), T0.plusSeconds(3));

        assertEquals(List.of("Button broken", "Database connection failed"),
                messages(queries.list(new ErrorQuery(50, 0, ErrorLevel.ERROR, null, null, null))));
        assertEquals(List.of("Slow database query", "Database connection failed"),
                messages(queries.list(new ErrorQuery(50, 0, null, "backend", null, null))));
        assertEquals(List.of("Button broken"), messages(queries.list(new ErrorQuery(50, 0, null, null, true, null))));
        ErrorPage text = queries.list(new ErrorQuery(50, 0, ErrorLevel.ERROR, null, false, "DATABASE"));
        assertEquals(List.of("Database connection failed"), messages(text));
        assertEquals(1, text.total());
    }

    @Test
    void get_returns_the_stored_group_as_it_is_now() {
        ErrorGroup group = record(ErrorLevel.ERROR, "boom", "web", T0);
        transactions.record(List.of(Reports.event(group.fingerprint(), "boom again", T0.plusSeconds(1))));

        ErrorGroup read = queries.get(group.id());

        assertEquals(group.id(), read.id());
        assertEquals(2, read.count());
        assertEquals("boom again", read.message());
    }

    @Test
    void get_of_an_unknown_id_throws_not_found_naming_it() {
        ErrorGroupId unknown = ErrorGroupId.newId();

        NotFoundException e = assertThrows(NotFoundException.class, () -> queries.get(unknown));

        assertEquals("error", e.kind());
        assertEquals(unknown.value(), e.id());
    }
}

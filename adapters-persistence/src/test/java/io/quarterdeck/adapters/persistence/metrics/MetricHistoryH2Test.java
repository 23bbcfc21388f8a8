package io.quarterdeck.adapters.persistence.metrics;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.port.out.contract.MetricHistoryContract;
import io.quarterdeck.application.port.out.metrics.MetricHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The host sample history against the shared contract, on the embedded default (H2). */
class MetricHistoryH2Test extends MetricHistoryContract {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabase.h2();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected MetricHistory history() {
        return new JdbcMetricHistory(db.dataSource());
    }

    @Override
    protected void deleteEverything() {
        db.execute("delete from host_samples");
    }
}

package io.quarterdeck.adapters.security.keys;

import io.quarterdeck.adapters.persistence.support.FlywayMigrations;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** Two key rings on one H2 database (the embedded default), migrated by the production migrations. */
class SharedKeyRingH2Test extends SharedKeyRingContract {
    private static JdbcDataSource h2;

    @BeforeAll
    static void open() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:keyring-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        FlywayMigrations.migrate(h2);
    }

    @Override
    protected DataSource database() {
        return h2;
    }
}

package io.quarterdeck.adapters.persistence.support;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.sql.DataSource;

/**
 * The container's persistence resources as CDI beans (resource producer fields, the one place they are named), so
 * that the adapters take them in their constructors: the transaction-scoped entity manager of the
 * {@code quarterdeck} unit, which joins whatever transaction the caller runs, and the data source
 * {@code jdbc/quarterdeck} that server.xml defines.
 */
@Dependent
public class PersistenceResources {
    @Produces
    @PersistenceContext(unitName = "quarterdeck")
    EntityManager entityManager;

    @Produces
    @Resource(lookup = "jdbc/quarterdeck")
    DataSource dataSource;
}

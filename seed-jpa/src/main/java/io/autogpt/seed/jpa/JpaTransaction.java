package io.autogpt.seed.jpa;

import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.jpa.entity.EntityRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import org.eclipse.persistence.sessions.SessionCustomizer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes rows as JPA entities through EclipseLink with JDBC batch writing, flushing and clearing the persistence
 * context every {@value #CHUNK} rows so memory stays flat. Runs on the transaction's own connection, so it commits
 * with the ledger as one transaction.
 */
final class JpaTransaction extends JdbcTransaction {
    static final int CHUNK = 1000;

    private final EntityManagerFactory factory;
    private final EntityManager em;

    JpaTransaction(Connection conn, String schema, SeedPlan plan, Session session, Target target) {
        super(conn, schema, plan, session, target);
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.nonJtaDataSource", new SingleConnectionDataSource(conn));
        props.put("eclipselink.target-database", "PostgreSQL");
        props.put("eclipselink.jdbc.batch-writing", "JDBC");
        props.put("eclipselink.jdbc.batch-writing.size", Integer.toString(CHUNK));
        props.put("eclipselink.jdbc.exclusive-connection.mode", "Always");
        props.put("eclipselink.cache.shared.default", "false");
        props.put("eclipselink.weaving", "false");
        props.put("eclipselink.logging.level", "OFF");
        props.put("eclipselink.persistence-context.flush-mode", "COMMIT");
        // A target that lacks some columns (an older or newer schema) gets entities without their mappings. The
        // session name tells such units apart, so one with other columns is never reused for it.
        Map<String, List<String>> absent = new TreeMap<>();
        absentColumns().forEach((table, columns) -> absent.put(EntityRegistry.entityName(table), columns));
        props.put("eclipselink.session-name", "autogpt-seed/" + absent);
        props.put("eclipselink.session.customizer", (SessionCustomizer) eclipseLink -> absent.forEach((entity, fields) ->
                fields.forEach(eclipseLink.getDescriptorForAlias(entity)::removeMappingForAttributeName)));
        this.factory = Persistence.createEntityManagerFactory("autogpt-seed", props);
        this.em = factory.createEntityManager();
        em.getTransaction().begin();
    }

    @Override
    public <R extends Record> long write(Table<R> given, Stream<R> rows) {
        Table<R> table = fitted(given);
        if (table == null) {
            return 0;
        }
        try {
            if (table.kind() == Table.Kind.INSERT) {
                beforeInsert(table.name());
                return persist(rows);
            }
            if (table.kind() == Table.Kind.INSERT_MISSING) {
                // JPA has no "insert where missing" (persist fails on an existing key, and a find first races
                // with a concurrent shard): these few shared rows take the JDBC path on the same connection.
                beforeJdbc();
                return insertMissing(table, rows);
            }
            beforeUpdate(table.name());
            return update(table, rows);
        } catch (SQLException e) {
            throw failure("writing \"" + table.name() + "\"", e);
        } catch (PersistenceException e) {
            throw failure("writing \"" + table.name() + "\"", sqlCause(e));
        }
    }

    private <R extends Record> long persist(Stream<R> rows) {
        long count = 0;
        for (Iterator<R> it = rows.iterator(); it.hasNext(); ) {
            em.persist(EntityRegistry.entityOf(it.next()));
            if (++count % CHUNK == 0) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
        em.clear();
        return count;
    }

    /** One JPQL bulk update per row: the key is the first column, the rest are set. */
    private <R extends Record> long update(Table<R> table, Stream<R> rows) {
        List<Column<R>> columns = table.columns();
        String sets = columns.stream().skip(1).map(c -> "e." + c.name() + " = :" + c.name())
                .collect(Collectors.joining(", "));
        Query query = em.createQuery("UPDATE " + EntityRegistry.entityName(table.name()) + " e SET " + sets
                + " WHERE e." + columns.get(0).name() + " = :" + columns.get(0).name());
        long count = 0;
        for (Iterator<R> it = rows.iterator(); it.hasNext(); ) {
            R row = it.next();
            for (Column<R> column : columns) {
                query.setParameter(column.name(), column.value(row));
            }
            count += query.executeUpdate();
        }
        return count;
    }

    @Override
    void beforeJdbc() {
        em.flush();
    }

    @Override
    void commitConnection() {
        // EclipseLink commits the shared connection, and with it the ledger and lock work done over JDBC.
        em.getTransaction().commit();
    }

    @Override
    public void close() {
        try {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        } catch (PersistenceException e) {
            // The connection's rollback below is what matters.
        } finally {
            em.close();
            factory.close();
            super.close();
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return new SQLException(e.getMessage(), e);
    }
}

package io.autogpt.seed.jpa;

import io.autogpt.seed.core.table.Column;
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
 * context every {@value #CHUNK} rows so memory stays flat. Runs on the session's own connection and, as its
 * {@link DatabaseSession.SharedClient}, owns the transaction there, so it commits with the ledger as one transaction.
 *
 * <p>EclipseLink writes through {@link BatchesAhead}: each batch of inserts runs on the connection while EclipseLink
 * maps the next rows, and so does the load's own work {@linkplain #submit submitted} meanwhile; with no batch to run,
 * that thread builds the indexes of tables whose rows are all in. Errors come as {@link PersistenceException}s
 * wrapping the driver's; a batch's failure that is only known when a table's last batch is in comes from
 * {@link #insert} as the driver's {@link SQLException}.
 */
final class JpaSink implements RowSink<SQLException>, DatabaseSession.SharedClient {
    static final int CHUNK = 1000;

    /** The connection EclipseLink writes through: its batches run while it maps the next rows. */
    private final BatchesAhead batches;
    private final EntityManagerFactory factory;
    private final EntityManager em;

    /**
     * EclipseLink on {@code conn}, its transaction begun.
     *
     * @param absentColumns per table, the columns the target lacks
     * @param backlog       what the batches' thread does on {@code conn} while it has no batch to run
     */
    JpaSink(Connection conn, Map<String, List<String>> absentColumns, Backlog backlog) {
        this.batches = new BatchesAhead(conn, backlog);
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.nonJtaDataSource", new SingleConnectionDataSource(batches.connection()));
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
        absentColumns.forEach((table, columns) -> absent.put(EntityRegistry.entityName(table), columns));
        props.put("eclipselink.session-name", "autogpt-seed/" + absent);
        props.put("eclipselink.session.customizer", (SessionCustomizer) eclipseLink -> absent.forEach((entity, fields) ->
                fields.forEach(eclipseLink.getDescriptorForAlias(entity)::removeMappingForAttributeName)));
        this.factory = Persistence.createEntityManagerFactory("autogpt-seed", props);
        this.em = factory.createEntityManager();
        em.getTransaction().begin();
    }

    /** {@inheritDoc} Returns once every row is in: a batch that fails fails this table's write. */
    @Override
    public <R extends Record> long insert(Table<R> table, Stream<R> rows) throws SQLException {
        long count = 0;
        // The next rows are made while EclipseLink maps these and the server inserts them.
        try (RowsAhead<R> it = new RowsAhead<>(rows, table.name())) {
            while (it.hasNext()) {
                em.persist(EntityRegistry.entityOf(it.next()));
                if (++count % CHUNK == 0) {
                    em.flush();
                    em.clear();
                }
            }
        }
        em.flush();
        em.clear();
        // Its failures are its own; the connection stays with the batches' thread, which builds indexes meanwhile.
        batches.awaitHandedOver();
        return count;
    }

    /** One JPQL bulk update per row: the key is the first column, the rest are set. */
    @Override
    public <R extends Record> long update(Table<R> table, Stream<R> rows) {
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
    public void flush() {
        em.flush();
        try {
            batches.drain();
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    /** {@inheritDoc} Behind the rows EclipseLink holds, which go to the batches' thread first. */
    @Override
    public void submit(ConnectionWork work, String table) throws SQLException {
        em.flush();
        batches.submit(work, table);
    }

    @Override
    public boolean onWorker() {
        return batches.onWorker();
    }

    @Override
    public void commit() {
        em.getTransaction().commit();
    }

    @Override
    public void close() {
        // A batch still running is cancelled and those queued dropped: what EclipseLink does next reaches the server.
        batches.close();
        try {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        } catch (PersistenceException e) {
            // The connection's rollback, which the session does next, is what matters.
        } finally {
            em.close();
            factory.close();
        }
    }
}

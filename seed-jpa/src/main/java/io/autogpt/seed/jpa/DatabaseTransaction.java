package io.autogpt.seed.jpa;

import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.RunLedger;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.port.TargetFacts;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.user.LoginAccount;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's write into a database, put together from parts with one job each: the {@link DatabaseSession}
 * (connection, locks, commit and rollback), the {@link LoadStrategy} (bulk load, key checks, shared rows), the
 * writer's {@link RowSink} (COPY or JPA), the run ledger ({@link DatabaseLedger}) and, where asked for, the login
 * system the seeded users' accounts go into. {@link SeedTargets} wires them; this class dispatches each table on its
 * kind, once, and runs the steps before commit (the load settled, the store's materialised views refreshed).
 *
 * <p>Owns the session: {@link #close()} rolls back unless committed, then closes the connection.
 */
final class DatabaseTransaction implements DatasetTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseTransaction.class);

    private final DatabaseSession session;
    private final LoadStrategy load;
    private final RowSink<SQLException> sink;
    private final RunLedger ledger;
    /** Which tables and columns the target takes, and what it said about itself. */
    private final PreparedTarget target;
    /** How the seeded users' accounts are kept, or null: the target keeps no login accounts. */
    private final @Nullable LoginUsers logins;
    /** The login systems the target has, which the accounts go into (empty without {@link #logins}). */
    private final Set<LoginSystem> systems;
    private boolean loginsWritten;
    /** Whether this transaction is the catalogue publisher yet. */
    private boolean publisher;

    DatabaseTransaction(DatabaseSession session, LoadStrategy load, RowSink<SQLException> sink,
                        RunLedger ledger, PreparedTarget target, @Nullable LoginUsers logins,
                        Set<LoginSystem> systems) {
        this.session = session;
        this.load = load;
        this.sink = sink;
        this.ledger = ledger;
        this.target = target;
        this.logins = logins;
        // In the enum's order: the order accounts are written in.
        this.systems = systems.isEmpty() ? EnumSet.noneOf(LoginSystem.class) : EnumSet.copyOf(systems);
    }

    @Override
    public TargetFacts facts() {
        return target.facts();
    }

    @Override
    public RunLedger runs() {
        return ledger;
    }

    @Override
    public <R extends Record> long write(Table<R> given, Stream<R> rows) {
        // Login accounts go into the login system, not into a platform table the schema would have to hold.
        Table<R> table = given.kind() == Table.Kind.LOGIN_ACCOUNTS ? given : target.fit().table(given);
        if (table == null) {
            return 0;
        }
        if (logins != null && !loginsWritten && table.kind() != Table.Kind.LOGIN_ACCOUNTS) {
            throw new IllegalStateException("this target was given a password hash for login accounts, which go in "
                    + "before any table: run it with SeedRunner.withLoginAccounts()");
        }
        try {
            if (table.catalogue() && !publisher) {
                // Once, for the whole transaction: the staged catalogue rows go in at commit.
                session.executeNoting(CopyText.CATALOGUE_PUBLISHER);
                publisher = true;
            }
            return switch (table.kind()) {
                case INSERT -> {
                    load.beforeInsert(table.name());
                    yield sink.insert(table, rows);
                }
                // JPA has no "insert where missing" (persist fails on an existing key, and a find first races with a
                // concurrent shard): these few shared rows take the JDBC path on the same connection, whatever the
                // writer.
                case INSERT_MISSING -> load.insertMissing(table, rows);
                case CATALOGUE_ACTIVATION -> load.activateCatalogue(table, rows);
                case UPDATE -> {
                    load.beforeUpdate(table.name());
                    yield sink.update(table, rows);
                }
                case LOGIN_ACCOUNTS -> loginAccounts(table, rows);
            };
        } catch (SQLException e) {
            throw DatabaseSession.writing(table.name(), e);
        } catch (PersistenceException e) {
            throw DatabaseSession.writing(table.name(), sqlCause(e));
        }
    }

    private <R extends Record> long loginAccounts(Table<R> table, Stream<R> rows) throws SQLException {
        if (logins == null || systems.isEmpty()) {
            throw new TargetException("this target was not given how to keep login accounts (a password hash for "
                    + "Supabase Auth or Better Auth), so the seeded users cannot get them", List.of());
        }
        if (table.rowType() != LoginAccount.class) {
            throw new IllegalArgumentException(table.label() + " holds no login accounts");
        }
        // Accounts first: the platform's trigger on auth.users would collide with seeded "User" rows.
        Stream<LoginAccount> accounts = rows.map(LoginAccount.class::cast);
        List<LoginAccount> all = systems.size() > 1 ? accounts.toList() : null;
        long n = 0;
        for (LoginSystem system : systems) {
            n = system.write(session.jdbc(), all != null ? all.stream() : accounts, logins);
            LOG.info("{} {} accounts written", n, system);
        }
        loginsWritten = true;
        return n;
    }

    @Override
    public String path(Table<?> table) {
        return switch (table.kind()) {
            case INSERT -> load.path(table.name());
            case INSERT_MISSING -> "where missing";
            case CATALOGUE_ACTIVATION -> "where none is active";
            case UPDATE -> "update";
            case LOGIN_ACCOUNTS -> LoginSystem.describe(systems);
        };
    }

    @Override
    public void commit() {
        try {
            session.jdbc();
            load.finish();
            // What the server said outside a statement of ours (during a COPY, at commit) waits on the connection.
            session.takeConnectionNotices();
            refreshStoreViews();
            long start = System.nanoTime();
            session.commit();
            LoadTimings.phase(LoadTimings.Phase.COMMIT, System.nanoTime() - start);
            session.takeConnectionNotices();
        } catch (SQLException e) {
            throw DatabaseSession.failure("committing", e);
        } catch (PersistenceException e) {
            throw DatabaseSession.failure("committing", sqlCause(e));
        }
    }

    /** The marketplace reads materialised views; a migrated database refreshes them with its own function. */
    private void refreshStoreViews() throws SQLException {
        LOG.info("refreshing the store's materialized views, where the platform has them");
        session.executeNoting(StoreViews.REFRESH_SQL);
    }

    @Override
    public List<String> notices() {
        return session.notices();
    }

    @Override
    public void close() {
        session.close();
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

package io.autogpt.seed.jpa;

import io.autogpt.seed.core.table.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * How a run's rows meet the target's indexes, foreign keys and shared rows: which tables load bare and get their
 * indexes back before commit ({@link BulkLoad}), when foreign keys are checked per row or per table
 * ({@link ForeignKeyDeferral}), and when the staged shared rows (the blocks) go in. Whatever the writer, it asks here
 * before it inserts or updates, and {@link #finish()} settles everything before commit.
 */
final class LoadStrategy {
    private final DatabaseSession session;
    /** Set-based foreign key checks, when the role allows them; null: checks stay per row. */
    private final @Nullable ForeignKeyDeferral deferral;
    /** Which tables load without their indexes and foreign keys, and their rebuild before commit. */
    private final BulkLoad bulk;
    /**
     * Inserts of staged shared rows not yet run. Connection work: touched only where the session runs what is
     * {@linkplain DatabaseSession#submit submitted} (behind the rows queued before it), or after the session is drained.
     */
    private final List<String> pendingShared = new ArrayList<>();
    /** The bare table inserted into last, whose indexes wait until its rows are all in; null: none. */
    private @Nullable String lastBulk;
    /** Whether the inserts of the catalogue wait, yet, for other runs writing it. */
    private boolean catalogueLocked;

    LoadStrategy(DatabaseSession session, @Nullable ForeignKeyDeferral deferral, BulkLoad bulk) {
        this.session = session;
        this.deferral = deferral;
        this.bulk = bulk;
    }

    /** How {@code table}'s new rows went in, for the report: {@code bulk}, {@code indexed (held rows)}, …. */
    String path(String table) {
        return bulk.path(table);
    }

    /** Whether {@code table}'s rows go in frozen: {@link BulkLoad#freezes}. Asked after {@link #beforeInsert}. */
    boolean freezes(String table) {
        return bulk.freezes(table);
    }

    /**
     * Readies the session for a bulk insert into {@code table}. Before the first, decides which tables load without
     * their indexes and foreign keys; the rest is done on the connection in its place among the rows (when the
     * session pipelines its copies, while the caller goes on making them).
     */
    void beforeInsert(String table) throws SQLException {
        if (!bulk.started()) {
            // Decided before any row is queued: the run's report reads each table's path as soon as it is written.
            session.jdbc();
            bulk.start();
        }
        session.submit(() -> ready(table), table);
    }

    private void ready(String table) throws SQLException {
        session.jdbc();
        if (lastBulk != null && !lastBulk.equals(table)) {
            // Its rows are all in: its indexes may be built from now on, while the next table's rows are made.
            bulk.loaded(lastBulk);
        }
        lastBulk = bulk.isBulk(table) ? table : null;
        if (bulk.isBulk(table)) {
            // Its foreign keys come back, checked, before commit; its own triggers, if any, fire as usual.
            if (deferral != null) {
                deferral.triggersOn();
            }
            return;
        }
        boolean deferred = deferral != null && deferral.beforeInsert(table);
        if (!deferred) {
            // Checked row by row: every parent must be there, the shared ones included.
            applyShared();
        }
    }

    /**
     * Readies the session for updating rows of {@code table}: its indexes, the staged shared rows still missing, its
     * triggers. In its place among the rows when the session pipelines its copies, as the update that follows: the
     * caller goes on making the next table's rows meanwhile.
     */
    void beforeUpdate(String table) throws SQLException {
        session.submit(() -> {
            // Its unique indexes first: a shared row inserted where missing may belong to this very table.
            bulk.beforeUpdate(table);
            sharedThenTriggersOn();
        }, table);
    }

    /** Turns per-row triggers back on, for updates and deletes. */
    void triggersOn() throws SQLException {
        session.jdbc();
        sharedThenTriggersOn();
    }

    /** The staged shared rows still missing, then per-row triggers on. Connection work. */
    private void sharedThenTriggersOn() throws SQLException {
        applyShared();
        if (deferral != null) {
            deferral.triggersOn();
        }
    }

    /**
     * Stages rows that other runs may have written already (the blocks), and inserts those that are missing: at
     * once when foreign keys are checked per row, else just before commit. A concurrent run inserting the same keys
     * makes {@code ON CONFLICT} wait for that run's end; done last, that wait does not hold the whole load, so
     * shards of one dataset load side by side instead of one after another.
     *
     * @return rows handed over
     */
    <R extends Record> long insertMissing(Table<R> table, Stream<R> rows) throws SQLException {
        DatabaseSession.Staged staged = session.stage(table, rows);
        boolean lockFirst = table.catalogue() && !catalogueLocked;
        catalogueLocked |= table.catalogue();
        String insert = CopyText.insertMissing(table, staged.name());
        share(table, lockFirst ? List.of(CopyText.CATALOGUE_LOCK, insert) : List.of(insert));
        return staged.count();
    }

    /**
     * Stages the seeded catalogue release's activation, run after the shared rows (the release among them): at once
     * when foreign keys are checked per row, else just before commit.
     *
     * @return rows handed over
     */
    <R extends Record> long activateCatalogue(Table<R> table, Stream<R> rows) throws SQLException {
        DatabaseSession.Staged staged = session.stage(table, rows);
        share(table, List.of(CopyText.activateCatalogue(staged.name())));
        return staged.count();
    }

    /**
     * Queues {@code statements} (on {@code table}'s staged rows) behind those rows: run at once when foreign keys are
     * checked per row, else with the other shared rows, just before commit or an update.
     */
    private void share(Table<?> table, List<String> statements) throws SQLException {
        session.submit(() -> {
            pendingShared.addAll(statements);
            if (deferral == null) {
                applyShared();
            }
        }, table.name());
    }

    /** Inserts the staged shared rows that are still missing, with per-row checks on. Connection work. */
    private void applyShared() throws SQLException {
        if (pendingShared.isEmpty()) {
            return;
        }
        if (deferral != null) {
            deferral.triggersOn();
        }
        for (String statement : pendingShared) {
            // Noting: the catalogue's activation says so when it leaves another release active.
            session.executeNoting(statement);
        }
        pendingShared.clear();
    }

    /** Before commit: the shared rows still missing, every index and key rebuilt, every deferred key verified. */
    void finish() throws SQLException {
        applyShared();
        bulk.finish();
        if (deferral != null) {
            deferral.verify();
        }
    }
}

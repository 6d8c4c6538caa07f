package io.autogpt.seed.jpa;

import io.autogpt.seed.core.credit.UserBalance;
import io.autogpt.seed.core.notification.NotificationEvent;
import io.autogpt.seed.core.notification.UserNotificationBatch;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.RunShape;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.plan.ShapedPlan;
import io.autogpt.seed.core.port.AdvanceTransaction;
import io.autogpt.seed.core.port.ListedVersion;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.port.SeededSlice;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.port.UserCredit;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.core.table.Table;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One {@code advance} of a seed's dataset in a PostgreSQL database, on one connection and in one transaction: reads
 * the seed's recorded runs (locking each slice as a seeding run of it would, so an advance and a seed or reset of the
 * same users serialise), writes the days' rows with COPY into the columns the target has, updates in set-based
 * statements, and records the days beside the run ledger.
 */
final class DatabaseAdvance implements AdvanceTransaction {
    /**
     * Fails the runs of the given users left running or queued from before the day: the node that ran or waited
     * fails, with an {@code error} output, and so does the run, both at one moment in the day's first hour (derived
     * from the run's id, so the same rows every time). Parameters: the day's start, the users, the day's start.
     */
    private static final String FINISH_STALE_SQL = "WITH stale AS (SELECT e.id, e.\"executionStatus\" AS was, "
            + "?::timestamp + make_interval(secs => 1 + abs(hashtext(e.id)) % 3600) AS ended "
            + "FROM \"AgentGraphExecution\" e WHERE e.\"userId\" = ANY (?) "
            // endedAt IS NULL is implied by the status; it lets today's (userId, endedAt, …) index find them.
            + "AND e.\"endedAt\" IS NULL AND e.\"executionStatus\" IN ('RUNNING', 'QUEUED') AND e.\"createdAt\" < ? "
            + "AND NOT e.\"isDeleted\"), "
            + "nodes AS (UPDATE \"AgentNodeExecution\" n SET \"executionStatus\" = 'FAILED', "
            + "\"startedTime\" = coalesce(n.\"startedTime\", n.\"queuedTime\"), \"endedTime\" = s.ended "
            + "FROM stale s WHERE n.\"agentGraphExecutionId\" = s.id AND n.\"executionStatus\" = s.was "
            + "RETURNING n.id, s.ended), "
            + "errors AS (INSERT INTO \"AgentNodeExecutionInputOutput\" (id, name, data, \"time\", "
            + "\"referencedByOutputExecId\") SELECT md5('autogpt-seed/advance/error/' || id)::uuid::text, 'error', "
            + "to_jsonb('Run stopped: the executor restarted and could not resume it'::text), ended, id FROM nodes) "
            + "UPDATE \"AgentGraphExecution\" e SET \"executionStatus\" = 'FAILED', "
            + "\"startedAt\" = coalesce(e.\"startedAt\", e.\"createdAt\"), \"endedAt\" = s.ended, \"updatedAt\" = s.ended, "
            + "stats = jsonb_build_object('cost', 0, 'duration', extract(epoch FROM s.ended - coalesce(e.\"startedAt\", "
            + "e.\"createdAt\")), 'error', 'Run stopped: the executor restarted and could not resume it') "
            + "FROM stale s WHERE e.id = s.id";
    private static final String CREDIT_SQL = "SELECT DISTINCT ON (\"userId\") \"userId\", \"runningBalance\", "
            + "\"createdAt\" FROM \"CreditTransaction\" WHERE \"userId\" = ANY (?) AND \"runningBalance\" IS NOT NULL "
            + "ORDER BY \"userId\", \"createdAt\" DESC";
    private static final String VERSIONS_SQL = "SELECT v.id, l.\"owningUserId\", v.\"reviewedAt\", "
            + "array_remove(array_agg(r.\"reviewByUserId\"), NULL) FROM \"StoreListingVersion\" v "
            + "JOIN \"StoreListing\" l ON l.id = v.\"storeListingId\" "
            + "LEFT JOIN \"StoreListingReview\" r ON r.\"storeListingVersionId\" = v.id "
            + "WHERE l.\"owningUserId\" = ANY (?) AND v.\"submissionStatus\" = 'APPROVED' AND v.\"isAvailable\" "
            + "AND NOT v.\"isDeleted\" AND NOT l.\"isDeleted\" AND v.\"reviewedAt\" IS NOT NULL "
            + "GROUP BY v.id, l.\"owningUserId\", v.\"reviewedAt\" ORDER BY v.id";
    private static final String BALANCES_SQL = "INSERT INTO \"UserBalance\" (\"userId\", balance, \"updatedAt\") "
            + "SELECT * FROM unnest(?::text[], ?::int[], ?::timestamp[]) ON CONFLICT (\"userId\") "
            + "DO UPDATE SET balance = excluded.balance, \"updatedAt\" = excluded.\"updatedAt\"";
    private static final String LAST_RUNS_SQL = "UPDATE \"LibraryAgent\" a SET \"lastRunAt\" = m.last FROM "
            + "(SELECT \"userId\", \"agentGraphId\", max(\"createdAt\") AS last FROM \"AgentGraphExecution\" "
            + "WHERE \"userId\" = ANY (?) GROUP BY 1, 2) m WHERE a.\"userId\" = m.\"userId\" "
            + "AND a.\"agentGraphId\" = m.\"agentGraphId\" AND a.\"lastRunAt\" IS DISTINCT FROM m.last";

    private final DatabaseSession session;
    private final String schema;
    private final long seed;
    private final List<SeededSlice> slices;
    /** Inserts a user's batch of a type, or widens the one they hold to its span; gives the id that holds it. */
    private static final String BATCH_SQL = "INSERT INTO \"UserNotificationBatch\" (id, \"createdAt\", \"updatedAt\", "
            + "\"userId\", type, \"organizationId\", \"teamId\") VALUES (?, ?, ?, ?, ?::\"NotificationType\", ?, ?) "
            + "ON CONFLICT (\"userId\", type) DO UPDATE SET \"createdAt\" = least(\"UserNotificationBatch\".\"createdAt\", "
            + "EXCLUDED.\"createdAt\"), \"updatedAt\" = greatest(\"UserNotificationBatch\".\"updatedAt\", EXCLUDED.\"updatedAt\") "
            + "RETURNING id";
    /** {@link #BATCH_SQL} for schemas without tenancy columns. */
    private static final String BATCH_WITHOUT_TENANCY_SQL = "INSERT INTO \"UserNotificationBatch\" (id, \"createdAt\", "
            + "\"updatedAt\", \"userId\", type) VALUES (?, ?, ?, ?, ?::\"NotificationType\") "
            + "ON CONFLICT (\"userId\", type) DO UPDATE SET \"createdAt\" = least(\"UserNotificationBatch\".\"createdAt\", "
            + "EXCLUDED.\"createdAt\"), \"updatedAt\" = greatest(\"UserNotificationBatch\".\"updatedAt\", EXCLUDED.\"updatedAt\") "
            + "RETURNING id";
    private final SchemaFit fit;
    private final CopySink sink;
    private final DatabaseAdvanceStore store;

    private DatabaseAdvance(DatabaseSession session, String schema, long seed, List<SeededSlice> slices,
                            SchemaFit fit) {
        this.session = session;
        this.schema = schema;
        this.seed = seed;
        this.slices = slices;
        this.fit = fit;
        this.sink = new CopySink(session, table -> false); // tables holding rows: never frozen
        this.store = new DatabaseAdvanceStore(session, fit);
    }

    /**
     * Opens the advance of {@code seed} on {@code conn}, which it owns from now on (closed on failure too).
     *
     * @throws TargetException when a recorded run has no shape to rebuild its plan from, or the schema no longer
     *                         takes the rows
     */
    static DatabaseAdvance begin(Connection conn, String schema, long seed) {
        try {
            Ledger.ensure(conn);
            AdvanceLedger.ensure(conn);
            List<SeededSlice> slices = new ArrayList<>();
            SchemaFit fit = null;
            for (RecordedRun run : Ledger.overlapping(conn, schema, seed, 0, Integer.MAX_VALUE)) {
                SeedPlan plan = plan(run);
                DatabaseSession.lockRun(conn, schema, plan);
                if (fit == null) {
                    fit = SchemaFit.of(SchemaShape.read(conn, schema), plan);
                    if (!fit.problems().isEmpty()) {
                        throw new TargetException("schema \"" + schema + "\" cannot take the new days' rows",
                                fit.problems());
                    }
                }
                slices.add(new SeededSlice(plan, AdvanceLedger.days(conn, schema, seed, run.fromUser(),
                        run.toUser())));
            }
            if (fit == null) {
                throw new TargetException("seed " + seed + " has not been seeded in schema \"" + schema
                        + "\", so no day can pass on it", List.of(), TargetException.Remedy.SEED_FIRST);
            }
            return new DatabaseAdvance(new DatabaseSession(conn, null), schema, seed, slices, fit);
        } catch (SQLException e) {
            SeedTargets.closeQuietly(conn);
            throw DatabaseSession.failure("reading the seed's runs in schema \"" + schema + "\"", e);
        } catch (RuntimeException e) {
            SeedTargets.closeQuietly(conn);
            throw e;
        }
    }

    /** The seeder's plan of {@code run}, rebuilt from its recorded shape, under the rules of the version it wrote. */
    private static SeedPlan plan(RecordedRun run) {
        String where = "users " + run.fromUser() + ".." + (run.toUser() - 1) + " of seed " + run.seed();
        if (!run.shape().isKnown()) {
            throw new TargetException(where + " were seeded by an older seeder that recorded no shape, so their "
                    + "days cannot be computed", List.of(), TargetException.Remedy.RESET);
        }
        String version = run.shape().values().getOrDefault(RunShape.SCHEMA_VERSION, "");
        PlatformRules rules = SchemaVersion.byId(version).map(SchemaVersion::rules).orElse(PlatformRules.EARLY_2026);
        try {
            return ShapedPlan.from(run.shape(), rules);
        } catch (IllegalArgumentException e) {
            throw new TargetException(where + ": " + e.getMessage(), List.of(), TargetException.Remedy.RESET);
        }
    }

    @Override
    public List<SeededSlice> slices() {
        return slices;
    }

    @Override
    public boolean hasTable(String table) {
        return fit.hasTable(table);
    }

    @Override
    public Map<String, UserCredit> credit(SeedPlan slice) {
        Map<String, UserCredit> out = new HashMap<>();
        try (PreparedStatement ps = session.jdbc().prepareStatement(CREDIT_SQL)) {
            ps.setArray(1, users(slice));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new UserCredit(rs.getInt(2), rs.getObject(3, LocalDateTime.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw DatabaseSession.failure("reading the users' balances", e);
        }
    }

    @Override
    public List<ListedVersion> listedVersions(SeedPlan slice) {
        List<ListedVersion> out = new ArrayList<>();
        try (PreparedStatement ps = session.jdbc().prepareStatement(VERSIONS_SQL)) {
            ps.setArray(1, users(slice));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] reviewers = (String[]) rs.getArray(4).getArray();
                    out.add(new ListedVersion(rs.getString(1), rs.getString(2),
                            rs.getObject(3, LocalDateTime.class), Set.of(reviewers)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw DatabaseSession.failure("reading the store's listings", e);
        }
    }

    @Override
    public long finishStaleRuns(SeedPlan slice, LocalDateTime dayStart, LocalDateTime dayEnd) {
        try (PreparedStatement ps = session.jdbc().prepareStatement(FINISH_STALE_SQL)) {
            ps.setObject(1, dayStart);
            ps.setArray(2, users(slice));
            ps.setObject(3, dayStart);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseSession.failure("finishing the runs left running", e);
        }
    }

    @Override
    public <R extends Record> long write(Table<R> given, Stream<R> rows) {
        Table<R> table = fit.table(given);
        if (table == null) {
            return 0;
        }
        try {
            return sink.insert(table, rows);
        } catch (SQLException e) {
            throw DatabaseSession.writing(table.name(), e);
        }
    }

    @Override
    public long fileNotices(List<UserNotificationBatch> batches, List<NotificationEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        // The batch the user holds of the type, whoever made it, is the one the events go to.
        Map<String, String> holder = new HashMap<>();
        // Schemas before today's have no tenancy columns: the batch goes in without them.
        boolean tenancy = !fit.absentColumns().getOrDefault(UserNotificationBatch.TABLE.name(), List.of())
                .contains("organizationId");
        try (PreparedStatement ps = session.jdbc().prepareStatement(tenancy ? BATCH_SQL : BATCH_WITHOUT_TENANCY_SQL)) {
            for (UserNotificationBatch b : batches) {
                ps.setString(1, b.id());
                ps.setObject(2, b.createdAt());
                ps.setObject(3, b.updatedAt());
                ps.setString(4, b.userId());
                ps.setString(5, b.type().name());
                if (tenancy) {
                    ps.setString(6, b.organizationId());
                    ps.setString(7, b.teamId());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    holder.put(b.id(), rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw DatabaseSession.failure("filing notification batches", e);
        }
        return write(NotificationEvent.TABLE, events.stream().map(v -> {
            String batch = v.userNotificationBatchId() == null ? null
                    : holder.getOrDefault(v.userNotificationBatchId(), v.userNotificationBatchId());
            return new NotificationEvent(v.id(), v.createdAt(), v.updatedAt(), batch, v.type(), v.data());
        }));
    }

    @Override
    public long toggleFeatured(List<String> versionIds, LocalDateTime at) {
        if (versionIds.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = session.jdbc().prepareStatement("UPDATE \"StoreListingVersion\" SET "
                + "\"isFeatured\" = NOT \"isFeatured\", \"updatedAt\" = greatest(\"updatedAt\", ?) WHERE id = ANY (?)")) {
            ps.setObject(1, at);
            ps.setArray(2, session.jdbc().createArrayOf("text", versionIds.toArray()));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseSession.failure("featuring store versions", e);
        }
    }

    @Override
    public long updateBalances(Stream<UserBalance> balances) {
        List<String> ids = new ArrayList<>();
        List<Integer> amounts = new ArrayList<>();
        List<LocalDateTime> times = new ArrayList<>();
        balances.forEach(b -> {
            ids.add(b.userId());
            amounts.add(b.balance());
            times.add(b.updatedAt());
        });
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = session.jdbc().prepareStatement(BALANCES_SQL)) {
            Connection c = session.jdbc();
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            ps.setArray(2, c.createArrayOf("int4", amounts.toArray()));
            ps.setArray(3, c.createArrayOf("timestamp", times.stream().map(java.sql.Timestamp::valueOf).toArray()));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseSession.failure("updating \"UserBalance\"", e);
        }
    }

    @Override
    public long updateLastRuns(SeedPlan slice) {
        // Today's platform stamps a library entry with its user's latest run; earlier rules leave it as seeded.
        if (!slice.rules().atLeast(PlatformRules.SEPTEMBER_2026)
                || fit.table(io.autogpt.seed.core.agent.LibraryAgent.TABLE) == null) {
            return 0;
        }
        try (PreparedStatement ps = session.jdbc().prepareStatement(LAST_RUNS_SQL)) {
            ps.setArray(1, users(slice));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseSession.failure("updating the library's last runs", e);
        }
    }

    @Override
    public DatabaseAdvanceStore store() {
        return store;
    }

    @Override
    public Map<Long, Integer> loggedSearches(SeedPlan slice) {
        return store.loggedSearches(slice);
    }

    @Override
    public long updateOnboarding(SeedPlan slice, LocalDateTime since) {
        return store.updateOnboarding(slice, since);
    }

    @Override
    public void recordDay(SeedPlan slice, int day, LocalDateTime anchor, long rows) {
        try {
            AdvanceLedger.record(session.jdbc(), schema, seed, slice.fromUser(), slice.toUser(), day, anchor, rows);
        } catch (SQLException e) {
            throw DatabaseSession.failure("recording day " + day, e);
        }
    }

    @Override
    public long copyLogins(List<io.autogpt.seed.core.port.ReferredLogin> logins) {
        try {
            return SignUpLogins.copy(session.jdbc(), logins);
        } catch (SQLException e) {
            throw DatabaseSession.failure("giving the sign-ups their logins", e);
        }
    }

    @Override
    public void recordSignUps(SeedPlan slice, int day, List<String> userIds) {
        try {
            AdvanceLedger.recordSignUps(session.jdbc(), schema, seed, slice.fromUser(), slice.toUser(), day, userIds);
        } catch (SQLException e) {
            throw DatabaseSession.failure("recording day " + day + "'s sign-ups", e);
        }
    }

    @Override
    public void commit() {
        try {
            session.executeNoting(StoreViews.REFRESH_SQL);
            session.commit();
            session.takeConnectionNotices();
        } catch (SQLException e) {
            throw DatabaseSession.failure("committing", e);
        }
    }

    @Override
    public List<String> notices() {
        return session.notices();
    }

    @Override
    public void close() {
        session.close();
    }

    private Array users(SeedPlan slice) throws SQLException {
        return users(session, slice);
    }

    /** The ids of {@code slice}'s users, as a text array for a statement on {@code session}'s connection. */
    static Array users(DatabaseSession session, SeedPlan slice) throws SQLException {
        Object[] ids = Dataset.userIds(slice.seed(), slice.fromUser(), slice.toUser()).toArray();
        return session.jdbc().createArrayOf("text", ids);
    }
}

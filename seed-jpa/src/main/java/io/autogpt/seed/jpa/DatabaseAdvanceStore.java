package io.autogpt.seed.jpa;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.ActivityProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.AdvanceStore;
import io.autogpt.seed.core.port.ListingState;
import io.autogpt.seed.core.port.Recategorised;
import io.autogpt.seed.core.port.StoreVerdict;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.store.SubmissionStatus;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The store, search and onboarding side of one {@link DatabaseAdvance}, on its connection and in its transaction:
 * reads the listings of a slice's users, decides and re-categorises versions, counts logged searches and moves the
 * onboarding counters, each in one set-based statement (a day's rows travel as one jsonb parameter).
 */
final class DatabaseAdvanceStore implements AdvanceStore {
    /** A version's columns, as {@code v}, in {@link #version}'s order; organisations only where the schema has them. */
    private static final String VERSION_COLUMNS = "%1$s.id, %1$s.version, %1$s.\"createdAt\", %1$s.\"updatedAt\", "
            + "%1$s.\"agentGraphId\", %1$s.\"agentGraphVersion\", %1$s.name, %1$s.\"subHeading\", %1$s.\"videoUrl\", "
            + "%1$s.\"imageUrls\", %1$s.description, %1$s.categories, %1$s.\"isFeatured\", %1$s.\"isDeleted\", "
            + "%1$s.\"isAvailable\", %1$s.\"storeListingId\", %1$s.\"reviewerId\", %1$s.\"reviewComments\", "
            + "%1$s.\"internalComments\", %1$s.\"reviewedAt\", %1$s.\"changesSummary\", %1$s.\"submissionStatus\"::text, "
            + "%1$s.\"submittedAt\", %1$s.\"recommendedScheduleCron\", %1$s.instructions, %1$s.\"agentOutputDemoUrl\", "
            + "to_jsonb(%1$s) ->> 'organizationId'";
    private static final int VERSION_WIDTH = 27;
    private static final String LISTINGS_SQL = "SELECT l.id, l.\"owningUserId\", l.slug, coalesce((SELECT max(g.version) "
            + "FROM \"AgentGraph\" g WHERE g.id = v.\"agentGraphId\" AND g.\"userId\" = l.\"owningUserId\" "
            + "AND g.\"isActive\"), v.\"agentGraphVersion\"), a.id IS NOT NULL, " + String.format(VERSION_COLUMNS, "v")
            + ", " + String.format(VERSION_COLUMNS, "a") + " FROM \"StoreListing\" l "
            + "JOIN LATERAL (SELECT * FROM \"StoreListingVersion\" x WHERE x.\"storeListingId\" = l.id "
            + "AND NOT x.\"isDeleted\" ORDER BY x.version DESC LIMIT 1) v ON true "
            + "LEFT JOIN \"StoreListingVersion\" a ON a.id = l.\"activeVersionId\" "
            + "WHERE l.\"owningUserId\" = ANY (?) AND NOT l.\"isDeleted\" ORDER BY l.id";
    /** Parameter: a jsonb array of {versionId, listingId, approved, reviewerId, reviewedAt, comments}. */
    private static final String DECIDE_SQL = "WITH d AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS d(\"versionId\" "
            + "text, \"listingId\" text, approved boolean, \"reviewerId\" text, \"reviewedAt\" timestamp, comments text)), "
            + "listings AS (UPDATE \"StoreListing\" l SET \"activeVersionId\" = d.\"versionId\", "
            + "\"hasApprovedVersion\" = true, \"updatedAt\" = greatest(l.\"updatedAt\", d.\"reviewedAt\") FROM d "
            + "WHERE d.approved AND l.id = d.\"listingId\" RETURNING 1) "
            + "UPDATE \"StoreListingVersion\" v SET \"submissionStatus\" = CASE WHEN d.approved THEN 'APPROVED' "
            + "ELSE 'REJECTED' END::\"SubmissionStatus\", \"isAvailable\" = d.approved, \"reviewerId\" = d.\"reviewerId\", "
            + "\"reviewComments\" = d.comments, \"reviewedAt\" = d.\"reviewedAt\", "
            + "\"updatedAt\" = greatest(v.\"updatedAt\", d.\"reviewedAt\") FROM d WHERE v.id = d.\"versionId\"";
    /** Parameter: a jsonb array of {versionId, categories, at}. */
    private static final String RECATEGORISE_SQL = "WITH c AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS c("
            + "\"versionId\" text, categories jsonb, at timestamp)), "
            + "embeddings AS (DELETE FROM \"UnifiedContentEmbedding\" e USING c WHERE e.\"contentType\" = 'STORE_AGENT' "
            + "AND e.\"contentId\" = c.\"versionId\" RETURNING 1) "
            + "UPDATE \"StoreListingVersion\" v SET categories = ARRAY(SELECT jsonb_array_elements_text(c.categories)), "
            + "\"updatedAt\" = greatest(v.\"updatedAt\", c.at) FROM c WHERE v.id = c.\"versionId\"";
    private static final String RECATEGORISE_WITHOUT_EMBEDDINGS_SQL = "WITH c AS (SELECT * FROM "
            + "jsonb_to_recordset(?::jsonb) AS c(\"versionId\" text, categories jsonb, at timestamp)) "
            + "UPDATE \"StoreListingVersion\" v SET categories = ARRAY(SELECT jsonb_array_elements_text(c.categories)), "
            + "\"updatedAt\" = greatest(v.\"updatedAt\", c.at) FROM c WHERE v.id = c.\"versionId\"";
    /** Parameters: the block's first id, ids per user, first id, last id. */
    private static final String SEARCHES_SQL = "SELECT (id - ?) / ? AS k, max(id) FROM \"SearchTerms\" "
            + "WHERE id >= ? AND id < ? GROUP BY 1";
    /**
     * The platform's counters, moved by the runs of the users created from {@code since} on: runs add up; the last
     * run stamps {@code lastRunAt}; the run days in a row up to the last one's continue the stored streak when they
     * start the day of, or the day after, the stored last run. Parameters: users, since.
     */
    private static final String ONBOARDING_SQL = "WITH runs AS (SELECT \"userId\", count(*) AS n, max(\"createdAt\") "
            + "AS last FROM \"AgentGraphExecution\" WHERE \"userId\" = ANY (?) AND \"createdAt\" >= ? GROUP BY 1), "
            + "days AS (SELECT DISTINCT e.\"userId\", e.\"createdAt\"::date AS d FROM \"AgentGraphExecution\" e "
            + "JOIN runs r ON r.\"userId\" = e.\"userId\" WHERE e.\"createdAt\" >= ?), "
            + "islands AS (SELECT \"userId\", d, d - (row_number() OVER (PARTITION BY \"userId\" ORDER BY d))::int AS k "
            + "FROM days), "
            // The last island of run days in a row: the one holding the user's latest day.
            + "streak AS (SELECT DISTINCT ON (\"userId\") \"userId\", count(*) AS len, min(d) AS first FROM islands "
            + "GROUP BY \"userId\", k ORDER BY \"userId\", max(d) DESC) "
            + "UPDATE \"UserOnboarding\" o SET \"agentRuns\" = o.\"agentRuns\" + r.n, \"lastRunAt\" = r.last, "
            + "\"consecutiveRunDays\" = s.len + CASE WHEN o.\"lastRunAt\"::date = s.first - 1 THEN o.\"consecutiveRunDays\" "
            + "WHEN o.\"lastRunAt\"::date = s.first THEN greatest(o.\"consecutiveRunDays\" - 1, 0) ELSE 0 END, "
            + "\"updatedAt\" = greatest(o.\"updatedAt\", r.last) FROM runs r JOIN streak s ON s.\"userId\" = r.\"userId\" "
            + "WHERE o.\"userId\" = r.\"userId\"";

    private final DatabaseSession session;
    private final SchemaFit fit;

    DatabaseAdvanceStore(DatabaseSession session, SchemaFit fit) {
        this.session = session;
        this.fit = fit;
    }

    @Override
    public List<ListingState> listings(SeedPlan slice) {
        List<ListingState> out = new ArrayList<>();
        try (PreparedStatement ps = session.jdbc().prepareStatement(LISTINGS_SQL)) {
            ps.setArray(1, DatabaseAdvance.users(session, slice));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoreListingVersion latest = version(rs, 6);
                    StoreListingVersion active = rs.getBoolean(5) ? version(rs, 6 + VERSION_WIDTH) : null;
                    out.add(new ListingState(rs.getString(1), rs.getString(2), rs.getString(3), latest, active,
                            rs.getInt(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw DatabaseSession.failure("reading the store's listings", e);
        }
    }

    private static StoreListingVersion version(ResultSet rs, int at) throws SQLException {
        int i = at;
        return new StoreListingVersion(rs.getString(i++), rs.getInt(i++), time(rs, i++), time(rs, i++),
                rs.getString(i++), rs.getInt(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++),
                strings(rs.getArray(i++)), rs.getString(i++), strings(rs.getArray(i++)), rs.getBoolean(i++),
                rs.getBoolean(i++), rs.getBoolean(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++),
                rs.getString(i++), rs.getObject(i++, LocalDateTime.class), rs.getString(i++),
                SubmissionStatus.valueOf(rs.getString(i++)), rs.getObject(i++, LocalDateTime.class), rs.getString(i++),
                rs.getString(i++), rs.getString(i++), rs.getString(i));
    }

    private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    @Override
    public long decide(List<StoreVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return 0;
        }
        List<Object> rows = new ArrayList<>();
        for (StoreVerdict v : verdicts) {
            rows.add(Json.map("versionId", v.versionId(), "listingId", v.listingId(), "approved", v.approved(),
                    "reviewerId", v.reviewerId(), "reviewedAt", v.reviewedAt().toString(), "comments", v.comments()));
        }
        return update(DECIDE_SQL, rows, "deciding store versions");
    }

    @Override
    public long recategorise(List<Recategorised> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        List<Object> rows = new ArrayList<>();
        for (Recategorised c : changes) {
            rows.add(Json.map("versionId", c.versionId(), "categories", c.categories(), "at", c.at().toString()));
        }
        return update(fit.hasTable("UnifiedContentEmbedding") ? RECATEGORISE_SQL : RECATEGORISE_WITHOUT_EMBEDDINGS_SQL,
                rows, "re-categorising store versions");
    }

    private long update(String sql, List<Object> rows, String what) {
        try (PreparedStatement ps = session.jdbc().prepareStatement(sql)) {
            ps.setString(1, Json.of(rows).text());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseSession.failure(what, e);
        }
    }

    /** Per user ordinal of {@code slice}, the index of the next free id in the user's block of search ids. */
    Map<Long, Integer> loggedSearches(SeedPlan slice) {
        Map<Long, Integer> out = new HashMap<>();
        if (!fit.hasTable("SearchTerms")) {
            return out;
        }
        long[] block = Dataset.searchTermIds(slice.seed(), slice.fromUser(), slice.toUser());
        try (PreparedStatement ps = session.jdbc().prepareStatement(SEARCHES_SQL)) {
            ps.setLong(1, block[0]);
            ps.setLong(2, ActivityProfile.MAX_STORE_SEARCHES);
            ps.setLong(3, block[0]);
            ps.setLong(4, block[1]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // The next free id of the user's block: one past the highest taken.
                    long k = rs.getLong(1);
                    out.put(slice.fromUser() + k, (int) (rs.getLong(2) - block[0] - k * ActivityProfile.MAX_STORE_SEARCHES
                            + 1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw DatabaseSession.failure("reading the logged store searches", e);
        }
    }

    long updateOnboarding(SeedPlan slice, LocalDateTime since) {
        if (!fit.hasTable("UserOnboarding")) {
            return 0;
        }
        try (PreparedStatement ps = session.jdbc().prepareStatement(ONBOARDING_SQL)) {
            ps.setArray(1, DatabaseAdvance.users(session, slice));
            ps.setObject(2, since);
            ps.setObject(3, since);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseSession.failure("updating the onboarding counters", e);
        }
    }

}

package io.autogpt.seed.jpa;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * Removes exactly the rows an earlier run wrote for its users: everything they own, found by id. Deletes go
 * bottom-up, children before parents, so no foreign key blocks them and cascades find nothing left to do.
 */
final class RunRemover {
    /**
     * Deletes in dependency order; {@code s} is the staged set of the run's user ids, {@code r} the range of its
     * search terms' ids.
     */
    static final List<String> DELETES = List.of(
            // Today's experts and everything hanging off them, then the Skills Hub listings they came with. Before
            // the library agents, store versions and users they name.
            "DELETE FROM \"ExpertPauseEvent\" p USING \"Expert\" x, seed_users s "
                    + "WHERE p.\"expertId\" = x.id AND x.\"ownerUserId\" = s.id",
            "DELETE FROM \"ExpertCredential\" c USING \"Expert\" x, seed_users s "
                    + "WHERE c.\"expertId\" = x.id AND x.\"ownerUserId\" = s.id",
            "DELETE FROM \"ExpertSkillListing\" l USING \"Expert\" x, seed_users s "
                    + "WHERE l.\"expertId\" = x.id AND x.\"ownerUserId\" = s.id",
            "DELETE FROM \"ExpertRoutine\" r USING \"Expert\" x, seed_users s "
                    + "WHERE r.\"expertId\" = x.id AND x.\"ownerUserId\" = s.id",
            "DELETE FROM \"ExpertRoutine\" r USING seed_users s WHERE r.\"userId\" = s.id",
            "DELETE FROM \"ExpertWorkflow\" w USING \"Expert\" x, seed_users s "
                    + "WHERE w.\"expertId\" = x.id AND x.\"ownerUserId\" = s.id",
            "DELETE FROM \"Expert\" x USING seed_users s WHERE x.\"ownerUserId\" = s.id",
            "DELETE FROM \"ExpertPod\" p USING seed_users s WHERE p.\"userId\" = s.id",
            "UPDATE \"SkillListing\" l SET \"activeVersionId\" = NULL FROM seed_users s "
                    + "WHERE l.\"owningUserId\" = s.id AND l.\"activeVersionId\" IS NOT NULL",
            "DELETE FROM \"SkillListingFile\" f USING \"SkillListingVersion\" v, \"SkillListing\" l, seed_users s "
                    + "WHERE f.\"skillListingVersionId\" = v.id AND v.\"skillListingId\" = l.id AND l.\"owningUserId\" = s.id",
            "DELETE FROM \"SkillListingVersion\" v USING \"SkillListing\" l, seed_users s "
                    + "WHERE v.\"skillListingId\" = l.id AND l.\"owningUserId\" = s.id",
            "DELETE FROM \"SkillListing\" l USING seed_users s WHERE l.\"owningUserId\" = s.id",
            "DELETE FROM \"StoreListingReview\" r USING seed_users s WHERE r.\"reviewByUserId\" = s.id",
            "DELETE FROM \"StoreListingReview\" r USING \"StoreListingVersion\" v, \"StoreListing\" l, seed_users s "
                    + "WHERE r.\"storeListingVersionId\" = v.id AND v.\"storeListingId\" = l.id "
                    + "AND l.\"owningUserId\" = s.id",
            "DELETE FROM \"UserOnboarding\" o USING seed_users s WHERE o.\"userId\" = s.id",
            // The store's embeddings of the run's listing versions (public rows: found through the listing's owner).
            "DELETE FROM \"UnifiedContentEmbedding\" e USING \"StoreListingVersion\" v, \"StoreListing\" l, seed_users s "
                    + "WHERE e.\"contentType\" = 'STORE_AGENT' AND e.\"contentId\" = v.id "
                    + "AND v.\"storeListingId\" = l.id AND l.\"owningUserId\" = s.id",
            "UPDATE \"StoreListing\" l SET \"activeVersionId\" = NULL FROM seed_users s "
                    + "WHERE l.\"owningUserId\" = s.id AND l.\"activeVersionId\" IS NOT NULL",
            "DELETE FROM \"StoreListingVersion\" v USING \"StoreListing\" l, seed_users s "
                    + "WHERE v.\"storeListingId\" = l.id AND l.\"owningUserId\" = s.id",
            "DELETE FROM \"StoreListing\" l USING seed_users s WHERE l.\"owningUserId\" = s.id",
            "DELETE FROM \"LibraryAgent\" a USING seed_users s WHERE a.\"userId\" = s.id",
            // After the entries filed in them (the platform restricts deleting a folder that holds any).
            "DELETE FROM \"LibraryFolder\" f USING seed_users s WHERE f.\"userId\" = s.id",
            // Today's sharing rows, before the chats, runs and files they name.
            "DELETE FROM \"ChatLinkedShare\" l USING \"ChatSession\" c, seed_users s "
                    + "WHERE c.\"userId\" = s.id AND l.\"sessionId\" = c.id",
            "DELETE FROM \"SharedChatFile\" f USING \"ChatSession\" c, seed_users s "
                    + "WHERE c.\"userId\" = s.id AND f.\"sessionId\" = c.id",
            "DELETE FROM \"SharedExecutionFile\" f USING \"AgentGraphExecution\" ge, seed_users s "
                    + "WHERE ge.\"userId\" = s.id AND f.\"executionId\" = ge.id",
            "DELETE FROM \"PendingHumanReview\" r USING seed_users s WHERE r.\"userId\" = s.id",
            "DELETE FROM \"AgentNodeExecutionKeyValueData\" k USING seed_users s WHERE k.\"userId\" = s.id",
            "DELETE FROM \"AgentNodeExecutionInputOutput\" io USING \"AgentNodeExecution\" ne, "
                    + "\"AgentGraphExecution\" ge, seed_users s WHERE ge.\"userId\" = s.id "
                    + "AND ne.\"agentGraphExecutionId\" = ge.id "
                    + "AND (io.\"referencedByInputExecId\" = ne.id OR io.\"referencedByOutputExecId\" = ne.id)",
            "DELETE FROM \"AgentNodeExecution\" ne USING \"AgentGraphExecution\" ge, seed_users s "
                    + "WHERE ge.\"userId\" = s.id AND ne.\"agentGraphExecutionId\" = ge.id",
            "DELETE FROM \"AgentGraphExecution\" ge USING seed_users s WHERE ge.\"userId\" = s.id",
            "DELETE FROM \"AgentPreset\" p USING seed_users s WHERE p.\"userId\" = s.id",
            "DELETE FROM \"AgentNodeLink\" k USING \"AgentNode\" n, \"AgentGraph\" g, seed_users s "
                    + "WHERE g.\"userId\" = s.id AND n.\"agentGraphId\" = g.id AND k.\"agentNodeSourceId\" = n.id",
            "DELETE FROM \"AgentNode\" n USING \"AgentGraph\" g, seed_users s "
                    + "WHERE g.\"userId\" = s.id AND n.\"agentGraphId\" = g.id",
            "DELETE FROM \"AgentGraph\" g USING seed_users s WHERE g.\"userId\" = s.id",
            "DELETE FROM \"IntegrationWebhook\" w USING seed_users s WHERE w.\"userId\" = s.id",
            "DELETE FROM \"CreditTransaction\" t USING seed_users s WHERE t.\"userId\" = s.id",
            "DELETE FROM \"UserBalance\" b USING seed_users s WHERE b.\"userId\" = s.id",
            "DELETE FROM \"AnalyticsDetails\" d USING seed_users s WHERE d.\"userId\" = s.id",
            "DELETE FROM \"AnalyticsMetrics\" m USING seed_users s WHERE m.\"userId\" = s.id",
            "DELETE FROM \"APIKey\" k USING seed_users s WHERE k.\"userId\" = s.id",
            "DELETE FROM \"UserWorkspaceFile\" f USING \"UserWorkspace\" w, seed_users s "
                    + "WHERE w.\"userId\" = s.id AND f.\"workspaceId\" = w.id",
            // After the files filed in them; a folder's subfolders go with it (parentId cascades).
            "DELETE FROM \"UserWorkspaceFolder\" f USING \"UserWorkspace\" w, seed_users s "
                    + "WHERE w.\"userId\" = s.id AND f.\"workspaceId\" = w.id",
            "DELETE FROM \"UserWorkspace\" w USING seed_users s WHERE w.\"userId\" = s.id",
            "DELETE FROM \"ChatMessageFeedback\" f USING seed_users s WHERE f.\"userId\" = s.id",
            "DELETE FROM \"ChatMessage\" m USING \"ChatSession\" c, seed_users s "
                    + "WHERE c.\"userId\" = s.id AND m.\"sessionId\" = c.id",
            "DELETE FROM \"ChatSession\" c USING seed_users s WHERE c.\"userId\" = s.id",
            "DELETE FROM \"CoPilotUnderstanding\" c USING seed_users s WHERE c.\"userId\" = s.id",
            "DELETE FROM \"NotificationEvent\" e USING \"UserNotificationBatch\" b, seed_users s "
                    + "WHERE b.\"userId\" = s.id AND e.\"userNotificationBatchId\" = b.id",
            "DELETE FROM \"UserNotificationBatch\" b USING seed_users s WHERE b.\"userId\" = s.id",
            "DELETE FROM \"CreditRefundRequest\" r USING seed_users s WHERE r.\"userId\" = s.id",
            "DELETE FROM \"BuilderSearchHistory\" h USING seed_users s WHERE h.\"userId\" = s.id",
            // Codes and tokens the run's users hold, and those of the apps they own, before the apps.
            "DELETE FROM \"OAuthAuthorizationCode\" c USING seed_users s WHERE c.\"userId\" = s.id",
            "DELETE FROM \"OAuthAuthorizationCode\" c USING \"OAuthApplication\" a, seed_users s "
                    + "WHERE a.\"ownerId\" = s.id AND c.\"applicationId\" = a.id",
            "DELETE FROM \"OAuthAccessToken\" t USING seed_users s WHERE t.\"userId\" = s.id",
            "DELETE FROM \"OAuthAccessToken\" t USING \"OAuthApplication\" a, seed_users s "
                    + "WHERE a.\"ownerId\" = s.id AND t.\"applicationId\" = a.id",
            "DELETE FROM \"OAuthRefreshToken\" t USING seed_users s WHERE t.\"userId\" = s.id",
            "DELETE FROM \"OAuthRefreshToken\" t USING \"OAuthApplication\" a, seed_users s "
                    + "WHERE a.\"ownerId\" = s.id AND t.\"applicationId\" = a.id",
            "DELETE FROM \"OAuthApplication\" a USING seed_users s WHERE a.\"ownerId\" = s.id",
            "DELETE FROM \"SearchTerms\" t USING seed_search_terms r WHERE t.id >= r.first AND t.id < r.last",
            // Trials and the identities they claimed (claims name no user: found through the trial).
            "DELETE FROM \"SubscriptionTrialClaim\" c USING \"SubscriptionTrial\" t, seed_users s "
                    + "WHERE c.\"trialId\" = t.id AND t.\"userId\" = s.id",
            "DELETE FROM \"SubscriptionTrial\" t USING seed_users s WHERE t.\"userId\" = s.id",
            // Today's long tail, by user.
            "DELETE FROM \"AlertCondition\" a USING seed_users s WHERE a.\"userId\" = s.id",
            "DELETE FROM \"PushSubscription\" p USING seed_users s WHERE p.\"userId\" = s.id",
            "DELETE FROM \"ActivityEvent\" e USING seed_users s WHERE e.\"userId\" = s.id",
            "DELETE FROM \"UserBriefing\" b USING seed_users s WHERE b.\"userId\" = s.id",
            "DELETE FROM \"OnboardingBrainDump\" d USING seed_users s WHERE d.\"userId\" = s.id",
            "DELETE FROM \"ExperimentAssignment\" x USING seed_users s WHERE x.\"userId\" = s.id",
            "DELETE FROM \"UserAttribution\" a USING seed_users s WHERE a.\"userId\" = s.id",
            // The platform keeps a deleted user's cost logs (userId set null): the run's go explicitly.
            "DELETE FROM \"PlatformCostLog\" c USING seed_users s WHERE c.\"userId\" = s.id",
            // The bot's rows name no user: found through the servers and accounts the run's users linked.
            "DELETE FROM \"BotEvent\" e USING \"PlatformLink\" l, seed_users s "
                    + "WHERE l.\"userId\" = s.id AND e.platform = l.platform AND e.\"serverId\" = l.\"platformServerId\"",
            "DELETE FROM \"BotGuild\" g USING \"PlatformLink\" l, seed_users s "
                    + "WHERE l.\"userId\" = s.id AND g.platform = l.platform AND g.\"serverId\" = l.\"platformServerId\"",
            "DELETE FROM \"BotInstall\" i USING \"PlatformLink\" l, seed_users s WHERE l.\"userId\" = s.id "
                    + "AND i.platform = l.platform AND i.\"platformServerId\" = l.\"platformServerId\"",
            "DELETE FROM \"PlatformLinkToken\" t USING \"PlatformLink\" l, seed_users s WHERE l.\"userId\" = s.id "
                    + "AND t.\"linkType\" = 'SERVER' AND t.platform = l.platform "
                    + "AND t.\"platformServerId\" = l.\"platformServerId\"",
            "DELETE FROM \"PlatformLinkToken\" t USING \"PlatformUserLink\" l, seed_users s WHERE l.\"userId\" = s.id "
                    + "AND t.\"linkType\" = 'USER' AND t.platform = l.platform "
                    + "AND t.\"platformUserId\" = l.\"platformUserId\"",
            "DELETE FROM \"PlatformLink\" l USING seed_users s WHERE l.\"userId\" = s.id",
            "DELETE FROM \"PlatformUserLink\" l USING seed_users s WHERE l.\"userId\" = s.id",
            // The organisations the run's users bootstrapped (their personal ones and the shared ones of their
            // cohorts) and everything in them; after the resources that name their teams. Their audit trail first
            // (it references the organisation without a cascade).
            "DELETE FROM \"AuditLog\" a USING \"Organization\" o, seed_users s "
                    + "WHERE a.\"organizationId\" = o.id AND o.\"bootstrapUserId\" = s.id",
            "DELETE FROM \"IntegrationCredential\" c USING \"Organization\" o, seed_users s "
                    + "WHERE c.\"organizationId\" = o.id AND o.\"bootstrapUserId\" = s.id",
            "DELETE FROM \"OrgCreditTransaction\" t USING \"Organization\" o, seed_users s "
                    + "WHERE t.\"orgId\" = o.id AND o.\"bootstrapUserId\" = s.id",
            "DELETE FROM \"OrgBalance\" b USING \"Organization\" o, seed_users s "
                    + "WHERE b.\"orgId\" = o.id AND o.\"bootstrapUserId\" = s.id",
            "DELETE FROM \"OrgInvitation\" i USING \"Organization\" o, seed_users s "
                    + "WHERE i.\"orgId\" = o.id AND o.\"bootstrapUserId\" = s.id",
            "DELETE FROM \"OrganizationSeatAssignment\" a USING \"Organization\" o, seed_users s "
                    + "WHERE a.\"organizationId\" = o.id AND o.\"bootstrapUserId\" = s.id",
            "DELETE FROM \"TeamMember\" m USING \"Team\" t, \"Organization\" o, seed_users s "
                    + "WHERE m.\"teamId\" = t.id AND t.\"orgId\" = o.id AND o.\"bootstrapUserId\" = s.id",
            "DELETE FROM \"Team\" t USING \"Organization\" o, seed_users s "
                    + "WHERE t.\"orgId\" = o.id AND o.\"bootstrapUserId\" = s.id",
            "DELETE FROM \"OrgMember\" m USING \"Organization\" o, seed_users s "
                    + "WHERE m.\"orgId\" = o.id AND o.\"bootstrapUserId\" = s.id",
            "DELETE FROM \"OrganizationProfile\" p USING \"Organization\" o, seed_users s "
                    + "WHERE p.\"organizationId\" = o.id AND o.\"bootstrapUserId\" = s.id",
            "DELETE FROM \"Organization\" o USING seed_users s WHERE o.\"bootstrapUserId\" = s.id",
            "DELETE FROM \"Profile\" p USING seed_users s WHERE p.\"userId\" = s.id",
            "DELETE FROM \"User\" u USING seed_users s WHERE u.id = s.id");

    private static final Pattern TABLE = Pattern.compile("^(?:DELETE FROM|UPDATE) \"([^\"]+)\"");

    private RunRemover() {
    }

    /**
     * Removes the rows of the given users, their Supabase Auth and Better Auth accounts included; returns how many
     * rows went. Blocks
     * stay: they are shared by every run of the seed, and other slices' nodes reference them.
     */
    static long remove(Connection conn, Stream<String> userIds, long[] searchTermIds, Predicate<String> hasTable)
            throws SQLException {
        stage(conn, "seed_users", userIds);
        // Logged searches name no user: the run's are the block of ids its users' searches took.
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS seed_search_terms (first bigint, last bigint) ON COMMIT DROP");
            st.execute("TRUNCATE seed_search_terms");
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO seed_search_terms VALUES (?, ?)")) {
            ps.setLong(1, searchTermIds[0]);
            ps.setLong(2, searchTermIds[1]);
            ps.executeUpdate();
        }
        long removed = 0;
        try (Statement st = conn.createStatement()) {
            for (String delete : DELETES) {
                if (!hasTable.test(table(delete))) {
                    continue; // an older or newer schema without this table: nothing of it to remove
                }
                int n = st.executeUpdate(delete);
                if (delete.startsWith("DELETE")) {
                    removed += n;
                }
            }
        }
        return removed + SupabaseLogins.removeStaged(conn, "seed_users") + BetterAuthLogins.removeStaged(conn,
                "seed_users");
    }

    /** The table a statement of {@link #DELETES} removes rows from or updates. */
    static String table(String statement) {
        Matcher m = TABLE.matcher(statement);
        if (!m.find()) {
            throw new IllegalStateException("no table in " + statement);
        }
        return m.group(1);
    }

    private static void stage(Connection conn, String table, Stream<String> ids) throws SQLException {
        try (Statement st = conn.createStatement()) {
            // A reset may remove several earlier runs in one transaction: the same staging table, emptied.
            st.execute("CREATE TEMP TABLE IF NOT EXISTS " + table + " (id text PRIMARY KEY) ON COMMIT DROP");
            st.execute("TRUNCATE " + table);
        }
        StringBuilder data = new StringBuilder();
        for (Iterator<String> it = ids.iterator(); it.hasNext(); ) {
            data.append(it.next()).append('\n');
        }
        try {
            conn.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (id) FROM STDIN", new StringReader(data.toString()));
        } catch (IOException e) {
            throw new SQLException("cannot stage ids", e);
        }
        try (Statement st = conn.createStatement()) {
            st.execute("ANALYZE " + table);
        }
    }
}

package io.autogpt.seed.it.support;

import java.util.List;
import io.autogpt.seed.core.plan.PlatformRules;
import java.util.Set;

/**
 * The platform's rules a seeded database keeps, as SQL that counts violations, each with a statement that breaks
 * it (so a test can show the check is able to fail). The README's invariants table lists the same rules.
 */
public final class Invariants {
    /**
     * One rule.
     *
     * @param name   what holds
     * @param check  counts rows that violate it; 0 when it holds
     * @param breaker an UPDATE that makes at least one row violate it
     * @param needs  tables the rule reads beyond those every known schema version has (empty: runs everywhere)
     */
    public record Invariant(String name, String check, String breaker, Set<String> needs,
                            Set<PlatformRules> under) {
        public Invariant(String name, String check, String breaker) {
            this(name, check, breaker, Set.of());
        }

        /** A rule of every generation of the platform's rules. */
        public Invariant(String name, String check, String breaker, Set<String> needs) {
            this(name, check, breaker, needs, java.util.EnumSet.allOf(PlatformRules.class));
        }

        /** This rule, for a database under {@code rules} only (it names labels or rows of that generation). */
        Invariant onlyUnder(PlatformRules rules) {
            return new Invariant(name, check, breaker, needs, Set.of(rules));
        }

        /** Whether it applies to a database with {@code tables} whose rows follow {@code rules}. */
        public boolean appliesTo(Set<String> tables, PlatformRules rules) {
            return tables.containsAll(needs) && under.contains(rules);
        }

        /**
         * This rule judged against {@code anchor} ({@code yyyy-MM-dd HH:mm:ss}) instead of {@link #ANCHOR}: for a
         * dataset that days were added to ({@code advance}), whose anchor moved.
         */
        public Invariant at(String anchor) {
            return new Invariant(name, check.replace("'2025-06-01 00:00:00'", "'" + anchor + "'")
                    .replace("'2025-06-01'", "'" + anchor + "'"), breaker, needs, under);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The platform's encryption key (a Fernet key, the tests' own) the invariant tests seed with, so the tables the
     * platform encrypts ({@code IntegrationCredential}, {@code BotInstall}) hold rows to check.
     */
    public static final String ENCRYPTION_KEY = "u7l0Xq8fR2mKc4sVb1nZ9wYtJ3hG6dE5aP0oQiLkMxA=";

    /** The anchor every seeded database in the invariant tests is written with. */
    public static final String ANCHOR = "2025-06-01T00:00:00Z";

    /**
     * Counts values after the anchor in every timestamp column of every table in the current schema. The columns come
     * from the catalog, not from a list, so a table added later cannot escape the rule; {@code query_to_xml} runs the
     * per-column count inside one statement.
     */
    static final String NO_TIMESTAMP_AFTER_THE_ANCHOR = "SELECT coalesce(sum((xpath('/row/n/text()', query_to_xml("
            + "format('SELECT count(*) AS n FROM %I.%I WHERE %I > %L', c.table_schema, c.table_name, c.column_name, "
            + "'2025-06-01 00:00:00'), false, true, '')))[1]::text::bigint), 0) FROM information_schema.columns c "
            + "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
            + "AND t.table_type = 'BASE TABLE' WHERE c.table_schema = current_schema() AND c.data_type LIKE 'timestamp%' "
            // Deadlines (OAuth codes' and tokens' expiresAt) lie after the anchor while they are valid.
            // A trial still running ends after it too.
            + "AND c.column_name NOT IN ('expiresAt', 'endsAt')";

    /** The tenancy tables of today's platform. */
    /** Today's notices read the trials and refunds beside the two notification tables. */
    private static final Set<String> TODAYS_NOTICES = Set.of("NotificationEvent", "UserNotificationBatch",
            "SubscriptionTrial", "CreditRefundRequest");
    /** A notification event joined to its batch, as {@code v} and {@code b}. */
    private static final String NOTICE = "\"NotificationEvent\" v JOIN \"UserNotificationBatch\" b ON b.id = v.\"userNotificationBatchId\"";
    private static final Set<String> TENANCY = Set.of("Organization", "OrganizationProfile", "OrgMember", "Team", "TeamMember", "OrganizationSeatAssignment", "OrgBalance", "OrgCreditTransaction", "OrgInvitation");

    /** Today's experts, the credentials they are granted (the owner's webhooks hold them) and the skills they come with. */
    private static final Set<String> CATALOGUE = Set.of("CatalogueRelease", "CatalogueReleaseVersion",
            "CatalogueState", "CatalogueActivation", "SkillListing", "SkillListingVersion", "Expert",
            "ExpertSkillListing");
    private static final Set<String> EXPERTS = Set.of("Expert", "ExpertPod", "ExpertWorkflow", "ExpertRoutine",
            "ExpertSkillListing", "ExpertCredential", "ExpertPauseEvent", "SkillListing", "IntegrationWebhook");

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    public static final List<Invariant> ALL = List.of(
            new Invariant("no timestamp in any column of any table lies after the anchor",
                    NO_TIMESTAMP_AFTER_THE_ANCHOR,
                    "UPDATE \"StoreListingReview\" SET \"updatedAt\" = '2025-06-01 00:00:00.001' WHERE id = (SELECT min(id) FROM \"StoreListingReview\")"),
            new Invariant("nothing has been running or queued for more than a day before the anchor",
                    "SELECT count(*) FROM \"AgentGraphExecution\" e WHERE e.\"executionStatus\" IN ('RUNNING', 'QUEUED') "
                            + "AND e.\"createdAt\" < timestamp '2025-06-01 00:00:00' - interval '1 day'",
                    "UPDATE \"AgentGraphExecution\" SET \"createdAt\" = \"createdAt\" - interval '2 days' "
                            + "WHERE id = (SELECT min(id) FROM \"AgentGraphExecution\" WHERE \"executionStatus\" = 'RUNNING')"),
            new Invariant("hasApprovedVersion is true exactly when the listing has an APPROVED version",
                    "SELECT count(*) FROM \"StoreListing\" l WHERE l.\"hasApprovedVersion\" <> EXISTS (SELECT 1 FROM "
                            + "\"StoreListingVersion\" v WHERE v.\"storeListingId\" = l.id AND v.\"submissionStatus\" = 'APPROVED')",
                    "UPDATE \"StoreListing\" SET \"hasApprovedVersion\" = NOT \"hasApprovedVersion\" WHERE id = (SELECT min(id) FROM \"StoreListing\")"),
            new Invariant("activeVersionId is set exactly for listings with an approved version, and points to one of theirs",
                    "SELECT count(*) FROM \"StoreListing\" l LEFT JOIN \"StoreListingVersion\" v ON v.id = l.\"activeVersionId\" "
                            + "WHERE l.\"hasApprovedVersion\" <> (l.\"activeVersionId\" IS NOT NULL) OR (l.\"activeVersionId\" IS NOT NULL "
                            + "AND (v.\"storeListingId\" <> l.id OR v.\"submissionStatus\" <> 'APPROVED'))",
                    "UPDATE \"StoreListing\" SET \"activeVersionId\" = NULL WHERE id = (SELECT min(id) FROM \"StoreListing\" WHERE \"hasApprovedVersion\")"),
            new Invariant("reviews are only on versions users can see (approved, available, not deleted)",
                    "SELECT count(*) FROM \"StoreListingReview\" r JOIN \"StoreListingVersion\" v ON v.id = r.\"storeListingVersionId\" "
                            + "WHERE v.\"submissionStatus\" <> 'APPROVED' OR v.\"isDeleted\" OR NOT v.\"isAvailable\"",
                    "UPDATE \"StoreListingVersion\" SET \"isAvailable\" = false WHERE id = (SELECT min(\"storeListingVersionId\") FROM \"StoreListingReview\")"),
            new Invariant("a review is by someone other than the owner, after approval and after the reviewer signed up",
                    "SELECT count(*) FROM \"StoreListingReview\" r JOIN \"StoreListingVersion\" v ON v.id = r.\"storeListingVersionId\" "
                            + "JOIN \"StoreListing\" l ON l.id = v.\"storeListingId\" JOIN \"User\" u ON u.id = r.\"reviewByUserId\" "
                            + "WHERE r.\"reviewByUserId\" = l.\"owningUserId\" OR r.\"createdAt\" < v.\"reviewedAt\" OR r.\"createdAt\" < u.\"createdAt\"",
                    "UPDATE \"StoreListingReview\" SET \"createdAt\" = '2000-01-01' WHERE id = (SELECT min(id) FROM \"StoreListingReview\")"),
            new Invariant("a version is created, then submitted (drafts too, at creation, as the platform stamps "
                    + "every version), then reviewed; only reviewed versions have a reviewer",
                    "SELECT count(*) FROM \"StoreListingVersion\" v JOIN \"StoreListing\" l ON l.id = v.\"storeListingId\" "
                            + "WHERE v.\"submittedAt\" < v.\"createdAt\" OR v.\"reviewedAt\" < v.\"submittedAt\" "
                            + "OR v.\"submittedAt\" IS NULL "
                            + "OR (v.\"submissionStatus\" IN ('APPROVED', 'REJECTED')) <> (v.\"reviewedAt\" IS NOT NULL) "
                            + "OR (v.\"reviewerId\" IS NULL) <> (v.\"reviewedAt\" IS NULL) OR l.\"createdAt\" < (SELECT min(g.\"createdAt\") "
                            + "FROM \"AgentGraph\" g WHERE g.id = l.\"agentGraphId\")",
                    "UPDATE \"StoreListingVersion\" SET \"reviewedAt\" = NULL WHERE id = (SELECT min(id) FROM \"StoreListingVersion\" WHERE \"submissionStatus\" = 'APPROVED')"),
            new Invariant("graph executions: created <= started <= ended <= anchor; ended exactly when finished; started unless queued",
                    "SELECT count(*) FROM \"AgentGraphExecution\" e WHERE e.\"startedAt\" < e.\"createdAt\" OR e.\"endedAt\" < e.\"startedAt\" "
                            + "OR e.\"endedAt\" > '2025-06-01' OR (e.\"executionStatus\" IN ('COMPLETED', 'FAILED', 'TERMINATED')) <> (e.\"endedAt\" IS NOT NULL) "
                            + "OR (e.\"executionStatus\" = 'QUEUED') <> (e.\"startedAt\" IS NULL) OR e.\"createdAt\" < (SELECT g.\"createdAt\" "
                            + "FROM \"AgentGraph\" g WHERE g.id = e.\"agentGraphId\" AND g.version = e.\"agentGraphVersion\")",
                    "UPDATE \"AgentGraphExecution\" SET \"endedAt\" = \"startedAt\" - interval '1 second' WHERE id = (SELECT min(id) FROM \"AgentGraphExecution\" WHERE \"endedAt\" IS NOT NULL)"),
            new Invariant("node executions lie inside their graph execution, queued <= started <= ended",
                    "SELECT count(*) FROM \"AgentNodeExecution\" n JOIN \"AgentGraphExecution\" e ON e.id = n.\"agentGraphExecutionId\" "
                            + "WHERE n.\"addedTime\" < e.\"createdAt\" OR n.\"queuedTime\" < n.\"addedTime\" OR n.\"startedTime\" < n.\"queuedTime\" "
                            + "OR n.\"endedTime\" < n.\"startedTime\" OR n.\"startedTime\" < e.\"startedAt\" OR n.\"endedTime\" > e.\"endedAt\" "
                            + "OR n.\"addedTime\" > coalesce(e.\"endedAt\", '2025-06-01')",
                    "UPDATE \"AgentNodeExecution\" SET \"endedTime\" = \"endedTime\" + interval '1 day' WHERE id = (SELECT min(n.id) FROM \"AgentNodeExecution\" n JOIN \"AgentGraphExecution\" e ON e.id = n.\"agentGraphExecutionId\" WHERE e.\"executionStatus\" = 'COMPLETED')"),
            new Invariant("graph and node statuses agree (completed runs have only completed nodes; a failed, terminated or running run has exactly one node in that state)",
                    "SELECT count(*) FROM \"AgentGraphExecution\" e WHERE "
                            + "(e.\"executionStatus\" = 'COMPLETED' AND EXISTS (SELECT 1 FROM \"AgentNodeExecution\" n WHERE n.\"agentGraphExecutionId\" = e.id AND n.\"executionStatus\" <> 'COMPLETED')) "
                            + "OR (e.\"executionStatus\" IN ('FAILED', 'TERMINATED', 'RUNNING', 'REVIEW', 'QUEUED') AND (SELECT count(*) FROM \"AgentNodeExecution\" n "
                            + "WHERE n.\"agentGraphExecutionId\" = e.id AND n.\"executionStatus\" = e.\"executionStatus\") <> 1) "
                            + "OR EXISTS (SELECT 1 FROM \"AgentNodeExecution\" n WHERE n.\"agentGraphExecutionId\" = e.id "
                            + "AND n.\"executionStatus\" NOT IN ('COMPLETED', 'INCOMPLETE') AND n.\"executionStatus\" <> e.\"executionStatus\") "
                            + "OR (SELECT count(*) FROM \"AgentNodeExecution\" n WHERE n.\"agentGraphExecutionId\" = e.id) <> (SELECT count(*) "
                            + "FROM \"AgentNode\" a WHERE a.\"agentGraphId\" = e.\"agentGraphId\" AND a.\"agentGraphVersion\" = e.\"agentGraphVersion\")",
                    "UPDATE \"AgentNodeExecution\" SET \"executionStatus\" = 'FAILED' WHERE id = (SELECT min(n.id) FROM \"AgentNodeExecution\" n JOIN \"AgentGraphExecution\" e ON e.id = n.\"agentGraphExecutionId\" WHERE e.\"executionStatus\" = 'COMPLETED')"),
            new Invariant("inputs exist for nodes that were queued; outputs for completed nodes (their pin) and failed ones ('error')",
                    "SELECT count(*) FROM \"AgentNodeExecution\" n WHERE (n.\"queuedTime\" IS NOT NULL) <> EXISTS (SELECT 1 FROM "
                            + "\"AgentNodeExecutionInputOutput\" i WHERE i.\"referencedByInputExecId\" = n.id) "
                            + "OR (n.\"executionStatus\" IN ('COMPLETED', 'FAILED')) <> EXISTS (SELECT 1 FROM \"AgentNodeExecutionInputOutput\" o "
                            + "WHERE o.\"referencedByOutputExecId\" = n.id AND (o.name = 'error') = (n.\"executionStatus\" = 'FAILED') AND o.time = n.\"endedTime\")",
                    "DELETE FROM \"AgentNodeExecutionInputOutput\" WHERE \"referencedByOutputExecId\" = (SELECT min(\"referencedByOutputExecId\") FROM \"AgentNodeExecutionInputOutput\")"),
            new Invariant("blocks are the platform's own: every AgentBlock row has a catalogue block's id and name",
                    "SELECT count(*) FROM \"AgentBlock\" b WHERE (b.id, b.name) NOT IN (" + catalogue() + ")",
                    "UPDATE \"AgentBlock\" SET name = name || 'V2' WHERE id = (SELECT min(id) FROM \"AgentBlock\")"),
            new Invariant("links leave an output pin and enter an input pin their blocks declare; run data sits on real pins",
                    "SELECT (SELECT count(*) FROM \"AgentNodeLink\" l JOIN \"AgentNode\" s ON s.id = l.\"agentNodeSourceId\" "
                            + "JOIN \"AgentBlock\" sb ON sb.id = s.\"agentBlockId\" JOIN \"AgentNode\" t ON t.id = l.\"agentNodeSinkId\" "
                            + "JOIN \"AgentBlock\" tb ON tb.id = t.\"agentBlockId\" "
                            + "WHERE NOT (sb.\"outputSchema\"::jsonb -> 'properties') ? split_part(split_part(split_part(l.\"sourceName\", '_#_', 1), '_$_', 1), '_@_', 1) "
                            + "OR NOT (tb.\"inputSchema\"::jsonb -> 'properties') ? split_part(split_part(split_part(l.\"sinkName\", '_#_', 1), '_$_', 1), '_@_', 1)) "
                            + "+ (SELECT count(*) FROM \"AgentNodeExecutionInputOutput\" io JOIN \"AgentNodeExecution\" e "
                            + "ON e.id = coalesce(io.\"referencedByInputExecId\", io.\"referencedByOutputExecId\") "
                            + "JOIN \"AgentNode\" n ON n.id = e.\"agentNodeId\" JOIN \"AgentBlock\" b ON b.id = n.\"agentBlockId\" "
                            + "WHERE CASE WHEN io.\"referencedByInputExecId\" IS NOT NULL "
                            + "THEN NOT (b.\"inputSchema\"::jsonb -> 'properties') ? split_part(split_part(split_part(io.name, '_#_', 1), '_$_', 1), '_@_', 1) "
                            + "ELSE io.name <> 'error' AND NOT (b.\"outputSchema\"::jsonb -> 'properties') ? split_part(split_part(split_part(io.name, '_#_', 1), '_$_', 1), '_@_', 1) END)",
                    "UPDATE \"AgentNodeLink\" SET \"sinkName\" = 'prompt' WHERE id = (SELECT min(id) FROM \"AgentNodeLink\")"),
            new Invariant("every required input of every node is set in constantInput or fed by a link (credentials aside)",
                    "SELECT count(*) FROM \"AgentNode\" n JOIN \"AgentBlock\" b ON b.id = n.\"agentBlockId\" "
                            + "CROSS JOIN LATERAL jsonb_array_elements_text(b.\"inputSchema\"::jsonb -> 'required') AS r(pin) "
                            + "WHERE NOT coalesce((b.\"inputSchema\"::jsonb -> 'properties' -> r.pin ->> 'credentials')::boolean, false) "
                            + "AND NOT n.\"constantInput\" ? r.pin AND NOT EXISTS (SELECT 1 FROM \"AgentNodeLink\" l "
                            + "WHERE l.\"agentNodeSinkId\" = n.id AND split_part(split_part(split_part(l.\"sinkName\", '_#_', 1), '_$_', 1), '_@_', 1) = r.pin)",
                    "UPDATE \"AgentNode\" SET \"constantInput\" = '{}' WHERE id = (SELECT min(n.id) FROM \"AgentNode\" n "
                            + "JOIN \"AgentBlock\" b ON b.id = n.\"agentBlockId\" WHERE b.name = 'AgentOutputBlock')"),
            // Today's tenancy (platform-2026-09).
            new Invariant("every user has exactly one live personal organisation, bootstrapped by them",
                    "SELECT count(*) FROM \"User\" u WHERE (SELECT count(*) FROM \"Organization\" o WHERE o.\"bootstrapUserId\" = u.id "
                            + "AND o.\"isPersonal\" AND o.\"deletedAt\" IS NULL) <> 1",
                    "UPDATE \"Organization\" SET \"deletedAt\" = '2025-01-01' WHERE id = (SELECT min(id) FROM \"Organization\" WHERE \"isPersonal\")",
                    TENANCY).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an organisation has one owner, its bootstrap user, an ACTIVE admin member; its profile shows its slug and name; it has one OPEN Default team",
                    "SELECT count(*) FROM \"Organization\" o WHERE NOT EXISTS (SELECT 1 FROM \"OrgMember\" m WHERE m.\"orgId\" = o.id "
                            + "AND m.\"userId\" = o.\"bootstrapUserId\" AND m.\"isOwner\" AND m.\"isAdmin\" AND m.status = 'ACTIVE') "
                            + "OR (SELECT count(*) FROM \"OrgMember\" m WHERE m.\"orgId\" = o.id AND m.\"isOwner\") <> 1 "
                            + "OR NOT EXISTS (SELECT 1 FROM \"OrganizationProfile\" p WHERE p.\"organizationId\" = o.id AND p.username = o.slug "
                            + "AND p.\"displayName\" = o.name) OR (SELECT count(*) FROM \"Team\" t WHERE t.\"orgId\" = o.id AND t.\"isDefault\" "
                            + "AND t.name = 'Default' AND t.\"joinPolicy\" = 'OPEN') <> 1",
                    "UPDATE \"OrgMember\" SET \"isOwner\" = false WHERE id = (SELECT min(id) FROM \"OrgMember\" WHERE \"isOwner\")",
                    TENANCY).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("every team member is an ACTIVE member of the team's organisation; every member is in its Default team; every team has an ACTIVE admin",
                    "SELECT (SELECT count(*) FROM \"TeamMember\" tm JOIN \"Team\" t ON t.id = tm.\"teamId\" WHERE NOT EXISTS (SELECT 1 FROM "
                            + "\"OrgMember\" m WHERE m.\"orgId\" = t.\"orgId\" AND m.\"userId\" = tm.\"userId\" AND m.status = 'ACTIVE')) "
                            + "+ (SELECT count(*) FROM \"OrgMember\" m WHERE NOT EXISTS (SELECT 1 FROM \"TeamMember\" tm JOIN \"Team\" t ON "
                            + "t.id = tm.\"teamId\" WHERE t.\"orgId\" = m.\"orgId\" AND t.\"isDefault\" AND tm.\"userId\" = m.\"userId\")) "
                            + "+ (SELECT count(*) FROM \"Team\" t WHERE NOT EXISTS (SELECT 1 FROM \"TeamMember\" tm WHERE tm.\"teamId\" = t.id "
                            + "AND tm.\"isAdmin\" AND tm.status = 'ACTIVE'))",
                    "UPDATE \"OrgMember\" SET status = 'SUSPENDED' WHERE id = (SELECT min(id) FROM \"OrgMember\")",
                    TENANCY).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a resource's organisation is one its owner is an ACTIVE member of who sees resources, its team one of that organisation they are in, and its visibility says the same (PRIVATE personal, TEAM with a team, ORG at home)",
                    "SELECT count(*) FROM (" + "SELECT \"userId\" AS u, \"organizationId\" AS o, \"teamId\" AS t, visibility::text AS v FROM \"AgentGraph\" "
                    + "UNION ALL " + "SELECT \"userId\" AS u, \"organizationId\" AS o, \"teamId\" AS t, visibility::text AS v FROM \"AgentGraphExecution\" "
                    + "UNION ALL " + "SELECT \"userId\" AS u, \"organizationId\" AS o, \"teamId\" AS t, visibility::text AS v FROM \"AgentPreset\" "
                    + "UNION ALL " + "SELECT \"userId\" AS u, \"organizationId\" AS o, \"teamId\" AS t, visibility::text AS v FROM \"ChatSession\" "
                    + "UNION ALL " + "SELECT \"userId\" AS u, \"organizationId\" AS o, \"teamId\" AS t, visibility::text AS v FROM \"IntegrationWebhook\" "
                    + "UNION ALL " + "SELECT \"userId\" AS u, \"organizationId\" AS o, \"teamId\" AS t, visibility::text AS v FROM \"LibraryAgent\" "
                    + "UNION ALL " + "SELECT \"userId\" AS u, \"organizationId\" AS o, \"teamId\" AS t, visibility::text AS v FROM \"LibraryFolder\" "
                    + "UNION ALL " + "SELECT \"userId\" AS u, \"organizationId\" AS o, \"teamId\" AS t, NULL AS v FROM \"APIKey\" "
                    + "UNION ALL " + "SELECT \"userId\" AS u, \"organizationId\" AS o, \"teamId\" AS t, NULL AS v FROM \"PendingHumanReview\" "
                    + "UNION ALL " + "SELECT \"userId\" AS u, \"organizationId\" AS o, \"teamId\" AS t, NULL AS v FROM \"UserNotificationBatch\" "
                    + "UNION ALL " + "SELECT \"userId\", \"organizationId\", NULL, NULL FROM \"BuilderSearchHistory\" "
                    + "UNION ALL " + "SELECT \"ownerId\", \"organizationId\", NULL, NULL FROM \"OAuthApplication\" "
                    + "UNION ALL " + "SELECT \"owningUserId\", \"owningOrgId\", NULL, NULL FROM \"StoreListing\" "
                    + "UNION ALL " + "SELECT l.\"owningUserId\", v.\"organizationId\", NULL, NULL FROM \"StoreListingVersion\" v JOIN \"StoreListing\" l ON l.id = v.\"storeListingId\" " + ") r LEFT JOIN \"Organization\" o ON o.id = r.o WHERE o.id IS NULL "
                            + "OR NOT EXISTS (SELECT 1 FROM \"OrgMember\" m WHERE m.\"orgId\" = r.o AND m.\"userId\" = r.u AND m.status = 'ACTIVE' "
                            + "AND (m.\"isOwner\" OR m.\"isAdmin\" OR NOT m.\"isBillingManager\")) "
                            + "OR (r.t IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"TeamMember\" tm JOIN \"Team\" t ON t.id = tm.\"teamId\" "
                            + "WHERE tm.\"teamId\" = r.t AND tm.\"userId\" = r.u AND t.\"orgId\" = r.o AND tm.status = 'ACTIVE')) "
                            + "OR (r.v IS NOT NULL AND r.v <> CASE WHEN o.\"isPersonal\" THEN 'PRIVATE' WHEN r.t IS NULL THEN 'ORG' ELSE 'TEAM' END)",
                    "UPDATE \"AgentGraph\" g SET \"organizationId\" = (SELECT min(o.id) FROM \"Organization\" o WHERE o.\"isPersonal\" "
                            + "AND o.\"bootstrapUserId\" <> g.\"userId\") WHERE id = (SELECT min(id) FROM \"AgentGraph\")",
                    TENANCY).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an organisation's runningBalance is the running sum of its transactions in time order, never negative",
                    "SELECT count(*) FROM (SELECT \"runningBalance\", sum(amount) OVER (PARTITION BY \"orgId\" ORDER BY \"createdAt\") AS s "
                            + "FROM \"OrgCreditTransaction\") x WHERE x.\"runningBalance\" IS DISTINCT FROM x.s OR x.s < 0",
                    "UPDATE \"OrgCreditTransaction\" SET amount = amount + 1 WHERE \"transactionKey\" = (SELECT min(\"transactionKey\") FROM \"OrgCreditTransaction\")",
                    TENANCY).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("every organisation has an OrgBalance equal to its last running balance (0 without transactions)",
                    "SELECT count(*) FROM \"Organization\" o LEFT JOIN \"OrgBalance\" b ON b.\"orgId\" = o.id LEFT JOIN LATERAL (SELECT "
                            + "t.\"runningBalance\" FROM \"OrgCreditTransaction\" t WHERE t.\"orgId\" = o.id ORDER BY t.\"createdAt\" DESC LIMIT 1) last "
                            + "ON true WHERE b.\"orgId\" IS NULL OR b.balance <> coalesce(last.\"runningBalance\", 0)",
                    "UPDATE \"OrgBalance\" SET balance = balance + 1 WHERE \"orgId\" = (SELECT min(\"orgId\") FROM \"OrgCreditTransaction\")",
                    TENANCY).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("seats belong to ACTIVE members; every owner holds an ACTIVE FREE seat they assigned themselves",
                    "SELECT (SELECT count(*) FROM \"OrganizationSeatAssignment\" a WHERE NOT EXISTS (SELECT 1 FROM \"OrgMember\" m WHERE "
                            + "m.\"orgId\" = a.\"organizationId\" AND m.\"userId\" = a.\"userId\" AND m.status = 'ACTIVE')) "
                            + "+ (SELECT count(*) FROM \"OrgMember\" m WHERE m.\"isOwner\" AND NOT EXISTS (SELECT 1 FROM \"OrganizationSeatAssignment\" a "
                            + "WHERE a.\"organizationId\" = m.\"orgId\" AND a.\"userId\" = m.\"userId\" AND a.status = 'ACTIVE' "
                            + "AND a.\"seatType\" = 'FREE' AND a.\"assignedByUserId\" = m.\"userId\"))",
                    "UPDATE \"OrganizationSeatAssignment\" SET status = 'INACTIVE' WHERE id = (SELECT min(id) FROM \"OrganizationSeatAssignment\")",
                    TENANCY).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an accepted invitation names the member who accepted it before it expired; an open one is unique per organisation and email",
                    "SELECT (SELECT count(*) FROM \"OrgInvitation\" i WHERE i.\"acceptedAt\" IS NOT NULL AND (i.\"acceptedAt\" > i.\"expiresAt\" "
                            + "OR NOT EXISTS (SELECT 1 FROM \"OrgMember\" m JOIN \"User\" u ON u.id = m.\"userId\" WHERE m.\"orgId\" = i.\"orgId\" "
                            + "AND m.\"userId\" = i.\"targetUserId\" AND lower(u.email) = lower(i.email)))) "
                            + "+ (SELECT count(*) - count(DISTINCT (\"orgId\", lower(email))) FROM \"OrgInvitation\" WHERE \"acceptedAt\" IS NULL "
                            + "AND \"revokedAt\" IS NULL)",
                    "UPDATE \"OrgInvitation\" SET \"targetUserId\" = NULL WHERE id = (SELECT min(id) FROM \"OrgInvitation\" WHERE \"acceptedAt\" IS NOT NULL)",
                    TENANCY).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("runningBalance is the running sum of each user's transactions in time order, never negative",
                    "SELECT count(*) FROM (SELECT \"runningBalance\", sum(amount) OVER (PARTITION BY \"userId\" ORDER BY \"createdAt\") AS s "
                            + "FROM \"CreditTransaction\") x WHERE x.\"runningBalance\" IS DISTINCT FROM x.s OR x.s < 0",
                    "UPDATE \"CreditTransaction\" SET amount = amount + 1 WHERE \"transactionKey\" = (SELECT min(\"transactionKey\") FROM \"CreditTransaction\")"),
            new Invariant("UserBalance equals the user's last running balance, updated at that transaction",
                    "SELECT count(*) FROM \"UserBalance\" b LEFT JOIN LATERAL (SELECT t.\"runningBalance\", t.\"createdAt\" FROM \"CreditTransaction\" t "
                            + "WHERE t.\"userId\" = b.\"userId\" ORDER BY t.\"createdAt\" DESC LIMIT 1) last ON true "
                            + "WHERE b.balance <> coalesce(last.\"runningBalance\", 0) OR b.\"updatedAt\" <> coalesce(last.\"createdAt\", b.\"updatedAt\")",
                    "UPDATE \"UserBalance\" SET balance = balance + 1 WHERE \"userId\" = (SELECT min(\"userId\") FROM \"UserBalance\")"),
            new Invariant("API keys look like the platform's (agpt_ head of 8, tail of 8, 32-hex salt, 64-hex hash); the plain key is stored nowhere",
                    "SELECT count(*) FROM \"APIKey\" k WHERE k.head !~ '^agpt_[A-Za-z0-9_-]{3}$' OR k.tail !~ '^[A-Za-z0-9_-]{8}$' "
                            + "OR k.salt !~ '^[0-9a-f]{32}$' OR k.hash !~ '^[0-9a-f]{64}$' OR k.name LIKE '%agpt_%' OR coalesce(k.description, '') LIKE '%agpt_%' "
                            + "OR (k.status = 'REVOKED') <> (k.\"revokedAt\" IS NOT NULL) OR cardinality(k.permissions) = 0",
                    "UPDATE \"APIKey\" SET hash = 'plain' WHERE id = (SELECT min(id) FROM \"APIKey\")"),
            new Invariant("images are picsum.photos seeds and videos YouTube links, so the marketplace renders them",
                    "SELECT count(*) FROM \"StoreListingVersion\" v WHERE cardinality(v.\"imageUrls\") = 0 OR EXISTS (SELECT 1 FROM "
                            + "unnest(v.\"imageUrls\") u WHERE u !~ '^https://picsum\\.photos/seed/[A-Za-z0-9]+/[0-9]+/[0-9]+$') "
                            + "OR v.\"videoUrl\" !~ '^https://www\\.youtube\\.com/watch\\?v=[A-Za-z0-9_-]{11}$' "
                            + "OR EXISTS (SELECT 1 FROM \"Profile\" p WHERE p.\"avatarUrl\" !~ '^https://picsum\\.photos/seed/')",
                    "UPDATE \"StoreListingVersion\" SET \"videoUrl\" = 'https://example.com/x.mp4' WHERE id = (SELECT min(id) FROM \"StoreListingVersion\")"),
            new Invariant("nothing seeded is deleted at random: listings, versions, runs and library agents are live; a deleted preset is inactive",
                    "SELECT (SELECT count(*) FROM \"StoreListing\" WHERE \"isDeleted\") + (SELECT count(*) FROM \"StoreListingVersion\" WHERE \"isDeleted\") "
                            + "+ (SELECT count(*) FROM \"AgentGraphExecution\" WHERE \"isDeleted\") + (SELECT count(*) FROM \"LibraryAgent\" WHERE \"isDeleted\") "
                            + "+ (SELECT count(*) FROM \"AgentPreset\" WHERE \"isDeleted\" AND \"isActive\")",
                    "UPDATE \"LibraryAgent\" SET \"isDeleted\" = true WHERE id = (SELECT min(id) FROM \"LibraryAgent\")"),
            new Invariant("children are created after their parents: graphs after their owner, library entries after user and graph",
                    "SELECT (SELECT count(*) FROM \"AgentGraph\" g JOIN \"User\" u ON u.id = g.\"userId\" WHERE g.\"createdAt\" < u.\"createdAt\" OR g.\"updatedAt\" < g.\"createdAt\") "
                            + "+ (SELECT count(*) FROM \"LibraryAgent\" a JOIN \"User\" u ON u.id = a.\"userId\" JOIN \"AgentGraph\" g ON g.id = a.\"agentGraphId\" "
                            + "WHERE a.\"createdAt\" < u.\"createdAt\" OR a.\"createdAt\" < g.\"createdAt\" OR a.\"updatedAt\" < a.\"createdAt\") "
                            + "+ (SELECT count(*) FROM \"User\" WHERE \"updatedAt\" < \"createdAt\" OR \"updatedAt\" > '2025-06-01')",
                    "UPDATE \"AgentGraph\" SET \"createdAt\" = '2000-01-01' WHERE id = (SELECT min(id) FROM \"AgentGraph\")"),
            new Invariant("library agents: isCreatedByUser exactly for the user's own graphs; the creator is the graph owner's profile",
                    "SELECT count(*) FROM \"LibraryAgent\" a JOIN \"AgentGraph\" g ON g.id = a.\"agentGraphId\" AND g.version = a.\"agentGraphVersion\" "
                            + "JOIN \"Profile\" p ON p.id = a.\"creatorId\" WHERE a.\"isCreatedByUser\" <> (g.\"userId\" = a.\"userId\") OR p.\"userId\" <> g.\"userId\"",
                    "UPDATE \"LibraryAgent\" SET \"isCreatedByUser\" = NOT \"isCreatedByUser\" WHERE id = (SELECT min(id) FROM \"LibraryAgent\")"),
            new Invariant("presets are for their owner's graphs; links join nodes of one graph",
                    "SELECT (SELECT count(*) FROM \"AgentPreset\" p JOIN \"AgentGraph\" g ON g.id = p.\"agentGraphId\" WHERE g.\"userId\" <> p.\"userId\") "
                            + "+ (SELECT count(*) FROM \"AgentNodeLink\" k JOIN \"AgentNode\" a ON a.id = k.\"agentNodeSourceId\" "
                            + "JOIN \"AgentNode\" b ON b.id = k.\"agentNodeSinkId\" WHERE a.\"agentGraphId\" <> b.\"agentGraphId\")",
                    "UPDATE \"AgentPreset\" SET \"agentGraphId\" = (SELECT g.id FROM \"AgentGraph\" g WHERE g.\"userId\" <> \"AgentPreset\".\"userId\" LIMIT 1) WHERE id = (SELECT min(id) FROM \"AgentPreset\")"),
            new Invariant("onboarding: notified and rewarded steps were completed; a selected store agent is approved; runs agree with lastRunAt",
                    "SELECT count(*) FROM \"UserOnboarding\" o LEFT JOIN \"StoreListingVersion\" v ON v.id = o.\"selectedStoreListingVersionId\" "
                            + "WHERE NOT (o.notified <@ o.\"completedSteps\") OR NOT (o.\"rewardedFor\" <@ o.\"completedSteps\") "
                            + "OR (o.\"selectedStoreListingVersionId\" IS NOT NULL AND v.\"submissionStatus\" IS DISTINCT FROM 'APPROVED') "
                            + "OR (o.\"agentRuns\" = 0) <> (o.\"lastRunAt\" IS NULL) OR o.\"consecutiveRunDays\" > o.\"agentRuns\"",
                    "UPDATE \"UserOnboarding\" SET notified = '{RUN_AGENTS_100}' WHERE id = (SELECT min(id) FROM \"UserOnboarding\")"),
            new Invariant("emails are lowercase and unique to the seed; usernames carry the seed tag",
                    "SELECT (SELECT count(*) FROM \"User\" WHERE email <> lower(email) OR email !~ '^[a-z0-9.]+\\.s[0-9]+n[0-9]+@example\\.com$') "
                            + "+ (SELECT count(*) FROM \"Profile\" WHERE username !~ '-s[0-9]+n[0-9]+$')",
                    "UPDATE \"User\" SET email = upper(email) WHERE id = (SELECT min(id) FROM \"User\")"),
            new Invariant("library folders nest at most two levels deep under an older folder of the same user; an "
                    + "entry is filed only into a folder of its own user, after the folder was made",
                    "SELECT (SELECT count(*) FROM \"LibraryFolder\" f JOIN \"LibraryFolder\" p ON p.id = f.\"parentId\" "
                            + "LEFT JOIN \"LibraryFolder\" pp ON pp.id = p.\"parentId\" WHERE p.\"userId\" <> f.\"userId\" "
                            + "OR p.\"createdAt\" > f.\"createdAt\" OR pp.\"parentId\" IS NOT NULL OR f.\"isDeleted\") "
                            + "+ (SELECT count(*) FROM \"LibraryAgent\" a JOIN \"LibraryFolder\" f ON f.id = a.\"folderId\" "
                            + "WHERE f.\"userId\" <> a.\"userId\" OR a.\"createdAt\" < f.\"createdAt\")",
                    "UPDATE \"LibraryAgent\" SET \"folderId\" = (SELECT min(f.id) FROM \"LibraryFolder\" f WHERE f.\"userId\" <> "
                            + "\"LibraryAgent\".\"userId\") WHERE id = (SELECT min(id) FROM \"LibraryAgent\" WHERE \"folderId\" IS NOT NULL)",
                    Set.of("LibraryFolder")),
            new Invariant("workspaces: one per user, made after sign-up; a file's path is /dir/name, its storage path the "
                    + "workspace's and the file's id; deletedAt exactly for deleted files",
                    "SELECT (SELECT count(*) FROM \"User\" u WHERE (SELECT count(*) FROM \"UserWorkspace\" w WHERE "
                            + "w.\"userId\" = u.id) <> 1) + (SELECT count(*) FROM \"UserWorkspaceFile\" f JOIN \"UserWorkspace\" w "
                            + "ON w.id = f.\"workspaceId\" WHERE f.path !~ ('^/[a-z]+/' || f.name || '$') OR f.\"storagePath\" <> "
                            + "'gcs://autogpt-workspaces/workspaces/' || w.id || '/' || f.id || '/' || f.name "
                            + "OR f.\"isDeleted\" <> (f.\"deletedAt\" IS NOT NULL) OR f.\"createdAt\" < w.\"createdAt\" "
                            + "OR f.\"sizeBytes\" <= 0)",
                    "UPDATE \"UserWorkspaceFile\" SET \"storagePath\" = 'gcs://elsewhere/' || name WHERE id = (SELECT min(id) FROM \"UserWorkspaceFile\")",
                    Set.of("UserWorkspace", "UserWorkspaceFile")),
            new Invariant("chat: messages numbered 0..n-1 per session; every tool call is answered, in call order, by the tool messages right after it",
                    "SELECT (SELECT count(*) FROM (SELECT \"sessionId\" FROM \"ChatMessage\" GROUP BY 1 HAVING min(sequence) <> 0 "
                            + "OR max(sequence) <> count(*) - 1) x) + (SELECT count(*) FROM \"ChatMessage\" t WHERE t.role = 'tool' AND NOT EXISTS ("
                            + "SELECT 1 FROM \"ChatMessage\" a WHERE a.\"sessionId\" = t.\"sessionId\" AND a.\"toolCalls\" IS NOT NULL AND a.sequence < t.sequence "
                            + "AND a.\"toolCalls\" -> (t.sequence - a.sequence - 1) ->> 'id' = t.\"toolCallId\" AND NOT EXISTS (SELECT 1 FROM \"ChatMessage\" b "
                            + "WHERE b.\"sessionId\" = t.\"sessionId\" AND b.sequence > a.sequence AND b.sequence < t.sequence AND b.role <> 'tool'))) "
                            + "+ (SELECT count(*) FROM \"ChatMessage\" a, jsonb_array_elements(a.\"toolCalls\") c WHERE NOT EXISTS (SELECT 1 FROM "
                            + "\"ChatMessage\" t WHERE t.\"sessionId\" = a.\"sessionId\" AND t.\"toolCallId\" = c ->> 'id' AND t.sequence > a.sequence)) "
                            + "+ (SELECT count(*) FROM \"ChatSession\" s WHERE s.\"updatedAt\" < s.\"createdAt\" OR s.\"createdAt\" < (SELECT u.\"createdAt\" FROM \"User\" u WHERE u.id = s.\"userId\"))",
                    "UPDATE \"ChatMessage\" SET \"toolCallId\" = 'call_wrong' WHERE id = (SELECT min(id) FROM \"ChatMessage\" WHERE role = 'tool')",
                    Set.of("ChatSession", "ChatMessage")),
            new Invariant("human reviews: a waiting review is the waiting node of a run in REVIEW (and each such run has one); a decided one belongs to a finished run, was decided while its node ran, and is processed",
                    "SELECT (SELECT count(*) FROM \"PendingHumanReview\" r LEFT JOIN \"AgentNodeExecution\" n ON n.id = r.\"nodeExecId\" "
                            + "LEFT JOIN \"AgentGraphExecution\" e ON e.id = r.\"graphExecId\" "
                            // (a chat's review, today's platform, has no graph run: the graph-or-chat rule covers it)
                            + "WHERE r.\"graphExecId\" IS NOT NULL AND (n.id IS NULL OR e.id IS NULL "
                            + "OR n.\"agentGraphExecutionId\" <> e.id OR r.\"userId\" <> e.\"userId\" OR r.\"graphId\" <> e.\"agentGraphId\" "
                            + "OR (r.status = 'WAITING') <> (e.\"executionStatus\" = 'REVIEW') "
                            + "OR (r.status = 'WAITING' AND (n.\"executionStatus\" <> 'REVIEW' OR r.processed OR r.\"reviewedAt\" IS NOT NULL)) "
                            + "OR (r.status <> 'WAITING' AND (e.\"endedAt\" IS NULL OR NOT r.processed OR r.\"reviewedAt\" < n.\"startedTime\" "
                            + "OR r.\"reviewedAt\" > n.\"endedTime\")))) + (SELECT count(*) FROM \"AgentGraphExecution\" e WHERE e.\"executionStatus\" = 'REVIEW' "
                            + "AND NOT EXISTS (SELECT 1 FROM \"PendingHumanReview\" r WHERE r.\"graphExecId\" = e.id AND r.status = 'WAITING'))",
                    "UPDATE \"PendingHumanReview\" SET status = 'APPROVED' WHERE \"nodeExecId\" = (SELECT min(\"nodeExecId\") FROM \"PendingHumanReview\" WHERE status = 'WAITING')",
                    Set.of("PendingHumanReview")),
            new Invariant("refund requests name a top-up of the same user, ask at most its amount, come after it; decided ones carry a result",
                    "SELECT count(*) FROM \"CreditRefundRequest\" r LEFT JOIN \"CreditTransaction\" t ON t.\"transactionKey\" = r.\"transactionKey\" "
                            + "AND t.\"userId\" = r.\"userId\" WHERE t.\"transactionKey\" IS NULL OR t.type <> 'TOP_UP' OR r.amount < 1 OR r.amount > t.amount "
                            + "OR r.\"createdAt\" < t.\"createdAt\" OR r.\"updatedAt\" < r.\"createdAt\" OR (r.status = 'PENDING') <> (r.result IS NULL)",
                    "UPDATE \"CreditRefundRequest\" SET amount = amount + 1000000 WHERE id = (SELECT min(id) FROM \"CreditRefundRequest\")",
                    Set.of("CreditRefundRequest")),
            new Invariant("notifications: one batch per user and type holds its events; an agent-run notice names a completed run of the user's graph (its node count), a failed-block notice the failed node of the user's failed run, a refund notice the user's decided request",
                    "SELECT (SELECT count(*) FROM \"NotificationEvent\" v LEFT JOIN \"UserNotificationBatch\" b ON b.id = v.\"userNotificationBatchId\" "
                            + "WHERE b.id IS NULL OR b.type <> v.type OR v.\"createdAt\" < b.\"createdAt\" OR v.\"createdAt\" > b.\"updatedAt\") "
                            + "+ (SELECT count(*) FROM \"NotificationEvent\" v JOIN \"UserNotificationBatch\" b ON b.id = v.\"userNotificationBatchId\" "
                            + "WHERE v.type = 'AGENT_RUN' AND NOT EXISTS (SELECT 1 FROM \"AgentGraphExecution\" e WHERE e.\"agentGraphId\" = v.data ->> 'graph_id' "
                            + "AND e.\"userId\" = b.\"userId\" AND e.\"executionStatus\" = 'COMPLETED' AND e.\"endedAt\" <= v.\"createdAt\" AND (SELECT count(*) "
                            + "FROM \"AgentNodeExecution\" n WHERE n.\"agentGraphExecutionId\" = e.id) = (v.data ->> 'node_count')::int)) "
                            + "+ (SELECT count(*) FROM \"NotificationEvent\" v JOIN \"UserNotificationBatch\" b ON b.id = v.\"userNotificationBatchId\" "
                            + "WHERE v.type = 'BLOCK_EXECUTION_FAILED' AND NOT EXISTS (SELECT 1 FROM \"AgentNodeExecution\" n JOIN \"AgentGraphExecution\" e "
                            + "ON e.id = n.\"agentGraphExecutionId\" JOIN \"AgentNode\" a ON a.id = n.\"agentNodeId\" WHERE e.id = v.data ->> 'execution_id' "
                            + "AND e.\"userId\" = b.\"userId\" AND n.\"executionStatus\" = 'FAILED' AND a.id = v.data ->> 'node_id' "
                            + "AND a.\"agentBlockId\" = v.data ->> 'block_id')) "
                            + "+ (SELECT count(*) FROM \"NotificationEvent\" v JOIN \"UserNotificationBatch\" b ON b.id = v.\"userNotificationBatchId\" "
                            + "WHERE v.type = 'REFUND_PROCESSED' AND NOT EXISTS (SELECT 1 FROM \"CreditRefundRequest\" r WHERE r.id = v.data ->> 'refund_request_id' "
                            + "AND r.\"userId\" = b.\"userId\" AND r.status <> 'PENDING' AND r.\"updatedAt\" <= v.\"createdAt\"))",
                    "UPDATE \"NotificationEvent\" SET data = jsonb_set(data, '{graph_id}', '\"nope\"') WHERE id = (SELECT min(id) FROM \"NotificationEvent\" WHERE type = 'AGENT_RUN')",
                    Set.of("NotificationEvent", "UserNotificationBatch", "CreditRefundRequest"))
                    .onlyUnder(PlatformRules.EARLY_2026),
            new Invariant("today's notifications: one batch per user and type holds its events, and every batch holds some",
                    "SELECT (SELECT count(*) FROM \"NotificationEvent\" v LEFT JOIN \"UserNotificationBatch\" b ON b.id = v.\"userNotificationBatchId\" "
                            + "WHERE b.id IS NULL OR b.type <> v.type OR v.\"createdAt\" < b.\"createdAt\" OR v.\"createdAt\" > b.\"updatedAt\") "
                            + "+ (SELECT count(*) FROM \"UserNotificationBatch\" b WHERE NOT EXISTS (SELECT 1 FROM \"NotificationEvent\" v "
                            + "WHERE v.\"userNotificationBatchId\" = b.id))",
                    "UPDATE \"NotificationEvent\" SET type = 'OPS' WHERE id = (SELECT min(id) FROM \"NotificationEvent\" WHERE type = 'BRIEFING')",
                    TODAYS_NOTICES).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a verdict names an approved (or, for changes, rejected) version of the user's own listing, its version, reviewer and store page, after its review",
                    "SELECT count(*) FROM " + NOTICE + " WHERE v.type = 'VERDICT' AND NOT EXISTS (SELECT 1 FROM \"StoreListingVersion\" s "
                            + "JOIN \"StoreListing\" l ON l.id = s.\"storeListingId\" JOIN \"User\" r ON r.id = s.\"reviewerId\" WHERE l.\"owningUserId\" = b.\"userId\" "
                            + "AND s.name = v.data ->> 'agent_name' AND s.version = (v.data ->> 'version')::int AND s.\"submissionStatus\"::text = "
                            + "CASE v.data ->> 'outcome' WHEN 'approved' THEN 'APPROVED' WHEN 'changes' THEN 'REJECTED' END "
                            + "AND r.name = v.data ->> 'reviewer_name' AND s.\"reviewedAt\" <= v.\"createdAt\" "
                            + "AND (v.data ->> 'outcome' <> 'approved' OR v.data ->> 'store_url' LIKE '%/' || l.slug))",
                    "UPDATE \"NotificationEvent\" SET data = jsonb_set(data, '{outcome}', '\"changes\"') WHERE id = (SELECT min(id) FROM \"NotificationEvent\" "
                            + "WHERE type = 'VERDICT' AND data ->> 'outcome' = 'approved')",
                    TODAYS_NOTICES).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a briefing counts the user's runs, failures and credits of its period (1, 7 or 30 days before it), its ledger adds up; none for frequency OFF; the last one at lastBriefingAt",
                    "SELECT (SELECT count(*) FROM " + NOTICE + " JOIN \"User\" u ON u.id = b.\"userId\" CROSS JOIN LATERAL (SELECT count(*) AS runs, "
                            + "count(*) FILTER (WHERE e.\"executionStatus\" = 'FAILED') AS failed, coalesce(sum((e.stats ->> 'cost')::numeric), 0) AS cost "
                            + "FROM \"AgentGraphExecution\" e WHERE e.\"userId\" = b.\"userId\" AND e.\"createdAt\" < v.\"createdAt\" AND e.\"createdAt\" >= v.\"createdAt\" "
                            + "- CASE v.data -> 'period' ->> 'frequency' WHEN 'daily' THEN interval '1 day' WHEN 'weekly' THEN interval '7 days' "
                            + "WHEN 'monthly' THEN interval '30 days' END) x WHERE v.type = 'BRIEFING' AND (u.\"briefingFrequency\" = 'OFF' "
                            + "OR u.\"lastBriefingAt\" IS NULL OR v.\"createdAt\" > u.\"lastBriefingAt\" OR (v.data -> 'totals' ->> 'runs')::int IS DISTINCT FROM x.runs "
                            + "OR (v.data -> 'totals' ->> 'failed')::int IS DISTINCT FROM x.failed OR (v.data -> 'totals' ->> 'credits_used')::numeric IS DISTINCT FROM x.cost "
                            + "OR (v.data -> 'totals' ->> 'agents_active')::int IS DISTINCT FROM jsonb_array_length(v.data -> 'ledger') "
                            + "OR (v.data -> 'totals' ->> 'runs')::int <> (SELECT coalesce(sum((l ->> 'runs')::int), 0) FROM jsonb_array_elements(v.data -> 'ledger') l))) "
                            + "+ (SELECT count(*) FROM \"User\" u WHERE u.\"lastBriefingAt\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + NOTICE + " "
                            + "WHERE b.\"userId\" = u.id AND v.type = 'BRIEFING' AND v.\"createdAt\" = u.\"lastBriefingAt\"))",
                    "UPDATE \"NotificationEvent\" SET data = jsonb_set(data, '{totals,runs}', to_jsonb((data -> 'totals' ->> 'runs')::int + 1)) "
                            + "WHERE id = (SELECT min(id) FROM \"NotificationEvent\" WHERE type = 'BRIEFING')",
                    TODAYS_NOTICES).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("no verdict for users who turned verdicts off, no alert for those who turned alerts off; an alert names a failed run of the user after it ended, or a balance the user's usage fell to",
                    "SELECT (SELECT count(*) FROM \"UserNotificationBatch\" b JOIN \"User\" u ON u.id = b.\"userId\" WHERE (b.type = 'VERDICT' "
                            + "AND NOT u.\"notifyOnStoreVerdict\") OR (b.type = 'ALERT' AND NOT u.\"alertsEnabled\")) "
                            + "+ (SELECT count(*) FROM " + NOTICE + " WHERE v.type = 'ALERT' AND NOT EXISTS (SELECT 1 FROM \"AgentGraphExecution\" e "
                            + "WHERE e.\"userId\" = b.\"userId\" AND e.\"executionStatus\" = 'FAILED' AND e.\"endedAt\" <= v.\"createdAt\" "
                            + "AND v.data -> 'primary' -> 'facts' @> jsonb_build_array(jsonb_build_object('label', 'Run', 'value', e.id))) "
                            + "AND NOT EXISTS (SELECT 1 FROM \"CreditTransaction\" t WHERE t.\"userId\" = b.\"userId\" AND t.type = 'USAGE' "
                            + "AND t.\"runningBalance\" < 500 AND t.\"createdAt\" <= v.\"createdAt\" AND v.data -> 'primary' -> 'facts' @> jsonb_build_array("
                            + "jsonb_build_object('label', 'Balance', 'value', '$' || (t.\"runningBalance\" / 100) || '.' || lpad((t.\"runningBalance\" % 100)::text, 2, '0')))))",
                    "UPDATE \"User\" SET \"notifyOnStoreVerdict\" = false WHERE id = (SELECT min(\"userId\") FROM \"UserNotificationBatch\" WHERE type = 'VERDICT')",
                    TODAYS_NOTICES).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("trial updates only for users with a trial, keyed by it, after it started; billing notices only for paying tiers welcomed before them, the welcome at welcomeEmailSentAt",
                    "SELECT (SELECT count(*) FROM " + NOTICE + " WHERE v.type = 'TRIAL_UPDATE' AND NOT EXISTS (SELECT 1 FROM \"SubscriptionTrial\" t "
                            + "WHERE t.\"userId\" = b.\"userId\" AND v.data ->> 'notice_key' = 'trial:' || t.id || ':' || (v.data ->> 'kind') "
                            + "AND v.\"createdAt\" >= t.\"startedAt\")) + (SELECT count(*) FROM " + NOTICE + " JOIN \"User\" u ON u.id = b.\"userId\" "
                            + "WHERE v.type IN ('SUBSCRIPTION_WELCOME', 'PAYMENT_FAILED', 'PAYMENT_FINAL_NOTICE', 'SUBSCRIPTION_CANCELLED', "
                            + "'SUBSCRIPTION_RESUMED', 'SUBSCRIPTION_ENDED') AND (u.\"subscriptionTier\" IN ('NO_TIER', 'TRIAL', 'ENTERPRISE') "
                            + "OR u.\"welcomeEmailSentAt\" IS NULL OR v.\"createdAt\" < u.\"welcomeEmailSentAt\" "
                            + "OR (v.type = 'SUBSCRIPTION_WELCOME' AND v.\"createdAt\" <> u.\"welcomeEmailSentAt\")))",
                    "UPDATE \"NotificationEvent\" SET data = jsonb_set(data, '{notice_key}', '\"trial:nope:started\"') "
                            + "WHERE id = (SELECT min(id) FROM \"NotificationEvent\" WHERE type = 'TRIAL_UPDATE')",
                    TODAYS_NOTICES).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("key-value data names a node execution of the same user, of the graph its agent# key names, written once that node was added",
                    "SELECT count(*) FROM \"AgentNodeExecutionKeyValueData\" k LEFT JOIN \"AgentNodeExecution\" n ON n.id = k.\"agentNodeExecutionId\" "
                            + "LEFT JOIN \"AgentGraphExecution\" e ON e.id = n.\"agentGraphExecutionId\" WHERE e.id IS NULL OR e.\"userId\" <> k.\"userId\" "
                            + "OR k.\"createdAt\" < n.\"addedTime\" OR k.\"updatedAt\" < k.\"createdAt\" "
                            + "OR (k.key LIKE 'agent#%' AND split_part(k.key, '#', 2) <> e.\"agentGraphId\")",
                    "UPDATE \"AgentNodeExecutionKeyValueData\" SET \"agentNodeExecutionId\" = 'missing' WHERE (\"userId\", key) = (SELECT \"userId\", key "
                            + "FROM \"AgentNodeExecutionKeyValueData\" ORDER BY 1, 2 LIMIT 1)",
                    Set.of("AgentNodeExecutionKeyValueData")),
            new Invariant("OAuth: a used code became both tokens at once, for its app and user; lifetimes are the platform's (10 min, 1 h, 30 days) and some are still valid; codes stay within the app's scopes and redirect URIs; secrets are stored hashed",
                    "SELECT (SELECT count(*) FROM \"OAuthAccessToken\" t WHERE t.\"expiresAt\" <> t.\"createdAt\" + interval '1 hour' OR t.token !~ '^[0-9a-f]{64}$' "
                            + "OR NOT EXISTS (SELECT 1 FROM \"OAuthAuthorizationCode\" c WHERE c.\"applicationId\" = t.\"applicationId\" AND c.\"userId\" = t.\"userId\" "
                            + "AND c.\"usedAt\" = t.\"createdAt\")) + (SELECT count(*) FROM \"OAuthRefreshToken\" t WHERE t.\"expiresAt\" <> t.\"createdAt\" + "
                            + "interval '30 days' OR t.token !~ '^[0-9a-f]{64}$' OR NOT EXISTS (SELECT 1 FROM \"OAuthAccessToken\" a WHERE a.\"applicationId\" = "
                            + "t.\"applicationId\" AND a.\"userId\" = t.\"userId\" AND a.\"createdAt\" = t.\"createdAt\")) "
                            + "+ (SELECT count(*) FROM \"OAuthAuthorizationCode\" c JOIN \"OAuthApplication\" a ON a.id = c.\"applicationId\" "
                            + "WHERE c.\"expiresAt\" <> c.\"createdAt\" + interval '10 minutes' OR c.\"usedAt\" > c.\"expiresAt\" OR c.\"usedAt\" < c.\"createdAt\" "
                            + "OR NOT (c.scopes <@ a.scopes) OR NOT (c.\"redirectUri\" = ANY (a.\"redirectUris\")) OR c.\"createdAt\" < a.\"createdAt\") "
                            + "+ (SELECT count(*) FROM \"OAuthApplication\" a WHERE a.\"clientSecret\" !~ '^[0-9a-f]{64}$' OR a.\"clientSecretSalt\" !~ '^[0-9a-f]{32}$') "
                            // Some were valid at the seeded anchor (a timestamp literal, so at() keeps it: tokens
                            // nobody renews expire as days pass, as they would on the platform).
                            + "+ (SELECT CASE WHEN EXISTS (SELECT 1 FROM \"OAuthRefreshToken\" WHERE \"expiresAt\" > timestamp '2025-06-01 00:00') THEN 0 ELSE 1 END)",
                    "UPDATE \"OAuthAccessToken\" SET \"expiresAt\" = \"expiresAt\" + interval '1 day' WHERE id = (SELECT min(id) FROM \"OAuthAccessToken\")",
                    Set.of("OAuthApplication", "OAuthAuthorizationCode", "OAuthAccessToken", "OAuthRefreshToken")),
            new Invariant("store search: one public embedding per approved listing version, its searchable text and name the version's, 1536 unit-length dimensions, the search vector filled by the platform's trigger",
                    "SELECT (SELECT count(*) FROM \"UnifiedContentEmbedding\" e LEFT JOIN \"StoreListingVersion\" v ON v.id = e.\"contentId\" "
                            + "WHERE e.\"contentType\" = 'STORE_AGENT' AND (v.id IS NULL OR v.\"submissionStatus\" <> 'APPROVED' OR e.\"userId\" IS NOT NULL "
                            + "OR e.\"searchableText\" <> concat_ws(' ', v.name, v.\"subHeading\", v.description, array_to_string(v.categories, ' ')) "
                            + "OR e.metadata ->> 'name' <> v.name OR e.search IS NULL OR e.search = ''::tsvector OR e.\"createdAt\" < v.\"reviewedAt\")) "
                            + "+ (SELECT count(*) FROM \"StoreListingVersion\" v WHERE v.\"submissionStatus\" = 'APPROVED' AND NOT EXISTS (SELECT 1 FROM "
                            + "\"UnifiedContentEmbedding\" e WHERE e.\"contentType\" = 'STORE_AGENT' AND e.\"contentId\" = v.id)) "
                            + "+ (SELECT count(*) FROM \"UnifiedContentEmbedding\" e, LATERAL (SELECT count(*) AS n, sum(x::float8 * x::float8) AS norm2 "
                            + "FROM unnest(string_to_array(btrim(e.embedding::text, '[]'), ',')) x) d WHERE d.n <> 1536 OR abs(d.norm2 - 1) > 1e-4)",
                    "UPDATE \"UnifiedContentEmbedding\" SET \"searchableText\" = 'something else' WHERE id = (SELECT min(id) FROM \"UnifiedContentEmbedding\")",
                    Set.of("UnifiedContentEmbedding")),
            new Invariant("logged store searches take ids above the platform's sequence (2^40 up)",
                    "SELECT count(*) FROM \"SearchTerms\" WHERE id < 1099511627776 OR \"searchTerm\" = ''",
                    "UPDATE \"SearchTerms\" SET id = 7 WHERE id = (SELECT min(id) FROM \"SearchTerms\")",
                    Set.of("SearchTerms")),
            // Today's platform (platform-2026-09).
            new Invariant("share tokens are lowercase uuid4s, unique over chats and runs together; shared, token and time go together, a shared run says how it was shared, and a chat shares its runs only while shared",
                    "WITH t AS (SELECT \"shareToken\" AS token FROM \"ChatSession\" WHERE \"shareToken\" IS NOT NULL "
                            + "UNION ALL SELECT \"shareToken\" FROM \"AgentGraphExecution\" WHERE \"shareToken\" IS NOT NULL) "
                            + "SELECT (SELECT count(*) - count(DISTINCT token) FROM t) "
                            + "+ (SELECT count(*) FROM t WHERE token !~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$') "
                            + "+ (SELECT count(*) FROM \"ChatSession\" WHERE \"isShared\" <> (\"shareToken\" IS NOT NULL) "
                            + "OR \"isShared\" <> (\"sharedAt\" IS NOT NULL) OR (\"autoShareExecutions\" AND NOT \"isShared\") "
                            + "OR \"sharedAt\" < \"createdAt\") "
                            + "+ (SELECT count(*) FROM \"AgentGraphExecution\" WHERE \"isShared\" <> (\"shareToken\" IS NOT NULL) "
                            + "OR \"isShared\" <> (\"sharedAt\" IS NOT NULL) OR \"isShared\" <> (\"sharedVia\" IS NOT NULL))",
                    "UPDATE \"AgentGraphExecution\" SET \"shareToken\" = (SELECT min(\"shareToken\") FROM \"ChatSession\") "
                            + "WHERE id = (SELECT min(id) FROM \"AgentGraphExecution\" WHERE \"isShared\")",
                    Set.of("ChatSession", "AgentGraphExecution"))
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a review belongs to a run of its user (graph columns naming that run and its graph version) or to a chat of its user (graph columns null), never both",
                    "SELECT count(*) FROM \"PendingHumanReview\" r LEFT JOIN \"AgentGraphExecution\" e ON e.id = r.\"graphExecId\" "
                            + "LEFT JOIN \"ChatSession\" c ON c.id = r.\"chatSessionId\" "
                            + "WHERE NOT ((r.\"chatSessionId\" IS NULL AND e.id IS NOT NULL AND e.\"userId\" = r.\"userId\" "
                            + "AND e.\"agentGraphId\" = r.\"graphId\" AND e.\"agentGraphVersion\" = r.\"graphVersion\") "
                            + "OR (r.\"graphExecId\" IS NULL AND r.\"graphId\" IS NULL AND r.\"graphVersion\" IS NULL "
                            + "AND c.id IS NOT NULL AND c.\"userId\" = r.\"userId\" AND r.\"createdAt\" >= c.\"createdAt\"))",
                    "UPDATE \"PendingHumanReview\" SET \"userId\" = (SELECT max(id) FROM \"User\") "
                            + "WHERE \"nodeExecId\" = (SELECT min(r.\"nodeExecId\") FROM \"PendingHumanReview\" r JOIN \"ChatSession\" c "
                            + "ON c.id = r.\"chatSessionId\" WHERE c.\"userId\" <> (SELECT max(id) FROM \"User\"))",
                    Set.of("ChatSession", "PendingHumanReview"))
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("workspace folders nest without cycles inside their own workspace; live siblings have distinct names; a deleted folder's subtree is deleted; files sit only in live folders of their own workspace",
                    "WITH RECURSIVE up(start, at, depth) AS (SELECT id, \"parentId\", 1 FROM \"UserWorkspaceFolder\" "
                            + "UNION ALL SELECT up.start, f.\"parentId\", up.depth + 1 FROM up JOIN \"UserWorkspaceFolder\" f ON f.id = up.at "
                            + "WHERE up.at <> up.start AND up.depth < 100) "
                            + "SELECT (SELECT count(*) FROM up WHERE at = start) "
                            + "+ (SELECT count(*) FROM \"UserWorkspaceFolder\" c JOIN \"UserWorkspaceFolder\" p ON p.id = c.\"parentId\" "
                            + "WHERE p.\"workspaceId\" <> c.\"workspaceId\" OR (p.\"isDeleted\" AND NOT c.\"isDeleted\") OR c.\"createdAt\" < p.\"createdAt\") "
                            + "+ (SELECT count(*) - count(DISTINCT (\"workspaceId\", coalesce(\"parentId\", ''), name)) FROM \"UserWorkspaceFolder\" WHERE NOT \"isDeleted\") "
                            + "+ (SELECT count(*) FROM \"UserWorkspaceFile\" f JOIN \"UserWorkspaceFolder\" d ON d.id = f.\"folderId\" "
                            + "WHERE d.\"workspaceId\" <> f.\"workspaceId\" OR d.\"isDeleted\")",
                    "UPDATE \"UserWorkspaceFolder\" p SET \"parentId\" = (SELECT min(c.id) FROM \"UserWorkspaceFolder\" c WHERE c.\"parentId\" = p.id) "
                            + "WHERE p.id = (SELECT min(\"parentId\") FROM \"UserWorkspaceFolder\")",
                    Set.of("UserWorkspaceFolder"))
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("message feedback scores an assistant message of the scorer's own chat: user-feedback 0 or 1, copy 1, after the message",
                    "SELECT count(*) FROM \"ChatMessageFeedback\" f LEFT JOIN \"ChatMessage\" m ON m.id = f.\"messageId\" "
                            + "LEFT JOIN \"ChatSession\" c ON c.id = m.\"sessionId\" WHERE m.id IS NULL OR m.role NOT IN ('assistant', 'reasoning') "
                            + "OR c.\"userId\" <> f.\"userId\" OR f.\"sessionId\" <> m.\"sessionId\" OR f.\"createdAt\" < m.\"createdAt\" "
                            + "OR NOT ((f.\"scoreName\" = 'user-feedback' AND f.\"scoreValue\" IN (0, 1)) OR (f.\"scoreName\" = 'copy' AND f.\"scoreValue\" = 1))",
                    "UPDATE \"ChatMessageFeedback\" SET \"scoreValue\" = 5 WHERE id = (SELECT min(id) FROM \"ChatMessageFeedback\")",
                    Set.of("ChatMessageFeedback"))
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            // Today's marketplace, as its views read it (they count only runs by users other than the graph's owner).
            new Invariant("every approved live listing is one StoreAgent card, showing its active version",
                    "SELECT (SELECT count(*) FROM \"StoreListing\" l WHERE NOT l.\"isDeleted\" AND l.\"hasApprovedVersion\" "
                            + "AND (SELECT count(*) FROM \"StoreAgent\" a WHERE a.listing_id = l.id) <> 1) "
                            + "+ (SELECT count(*) FROM \"StoreAgent\" a JOIN \"StoreListing\" l ON l.id = a.listing_id "
                            + "WHERE a.listing_version_id IS DISTINCT FROM l.\"activeVersionId\")",
                    "UPDATE \"StoreListingVersion\" SET \"submissionStatus\" = 'PENDING' "
                            + "WHERE id = (SELECT min(\"activeVersionId\") FROM \"StoreListing\")")
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("the marketplace's views are readable: no column schema.prisma requires of StoreAgent, "
                    + "StoreSubmission, Creator or StoreCreator is null",
                    "SELECT " + String.join(" + ", MarketplaceViews.nullChecks()),
                    "UPDATE \"Profile\" SET \"avatarUrl\" = NULL WHERE id = (SELECT min(id) FROM \"Profile\")")
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("every approved live listing whose graph another user added to their library has runs by "
                    + "non-owners, and its StoreAgent card counts them",
                    "SELECT (SELECT count(*) FROM \"StoreListing\" l JOIN \"StoreListingVersion\" v ON v.id = l.\"activeVersionId\" "
                            + "WHERE NOT l.\"isDeleted\" AND l.\"hasApprovedVersion\" AND v.\"submissionStatus\" = 'APPROVED' "
                            + "AND EXISTS (SELECT 1 FROM \"LibraryAgent\" a WHERE a.\"agentGraphId\" = v.\"agentGraphId\" "
                            + "AND a.\"userId\" <> l.\"owningUserId\" AND NOT a.\"isDeleted\") "
                            + "AND NOT EXISTS (SELECT 1 FROM \"AgentGraphExecution\" e JOIN \"AgentGraph\" g ON g.id = e.\"agentGraphId\" "
                            + "WHERE e.\"agentGraphId\" = v.\"agentGraphId\" AND e.\"userId\" <> g.\"userId\")) "
                            // The seed refreshes the materialised views: the card shows what the tables hold.
                            + "+ (SELECT count(*) FROM \"StoreAgent\" s JOIN \"StoreListing\" l ON l.id = s.listing_id "
                            + "WHERE s.runs = 0 AND EXISTS (SELECT 1 FROM \"LibraryAgent\" a WHERE a.\"agentGraphId\" = s.graph_id "
                            + "AND a.\"userId\" <> l.\"owningUserId\" AND NOT a.\"isDeleted\"))",
                    "UPDATE \"AgentGraphExecution\" e SET \"userId\" = g.\"userId\" FROM \"AgentGraph\" g "
                            + "WHERE g.id = e.\"agentGraphId\" AND e.\"agentGraphId\" = (SELECT min(v.\"agentGraphId\") "
                            + "FROM \"StoreListing\" l JOIN \"StoreListingVersion\" v ON v.id = l.\"activeVersionId\" "
                            + "JOIN \"LibraryAgent\" a ON a.\"agentGraphId\" = v.\"agentGraphId\" AND a.\"userId\" <> l.\"owningUserId\")")
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a run of another user's graph is by a user whose library holds that graph at the run's version, "
                    + "made after they added it, in their personal organisation",
                    "SELECT count(*) FROM \"AgentGraphExecution\" e JOIN \"AgentGraph\" g ON g.id = e.\"agentGraphId\" "
                            + "AND g.version = e.\"agentGraphVersion\" WHERE e.\"userId\" <> g.\"userId\" AND (NOT EXISTS (SELECT 1 "
                            + "FROM \"LibraryAgent\" a WHERE a.\"userId\" = e.\"userId\" AND a.\"agentGraphId\" = e.\"agentGraphId\" "
                            + "AND a.\"agentGraphVersion\" = e.\"agentGraphVersion\" AND a.\"createdAt\" <= e.\"createdAt\") "
                            + "OR NOT EXISTS (SELECT 1 FROM \"Organization\" o WHERE o.id = e.\"organizationId\" AND o.\"isPersonal\" "
                            + "AND o.\"bootstrapUserId\" = e.\"userId\"))",
                    "UPDATE \"AgentGraphExecution\" SET \"createdAt\" = '2000-01-01' WHERE id = (SELECT min(e.id) "
                            + "FROM \"AgentGraphExecution\" e JOIN \"AgentGraph\" g ON g.id = e.\"agentGraphId\" WHERE e.\"userId\" <> g.\"userId\")",
                    TENANCY)
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a library entry's lastRunAt is when its user last started a run of the graph (null if never)",
                    "SELECT count(*) FROM \"LibraryAgent\" a WHERE a.\"lastRunAt\" IS DISTINCT FROM (SELECT max(e.\"createdAt\") "
                            + "FROM \"AgentGraphExecution\" e WHERE e.\"userId\" = a.\"userId\" AND e.\"agentGraphId\" = a.\"agentGraphId\")",
                    "UPDATE \"LibraryAgent\" SET \"lastRunAt\" = NULL WHERE id = (SELECT min(a.id) FROM \"LibraryAgent\" a "
                            + "JOIN \"AgentGraph\" g ON g.id = a.\"agentGraphId\" WHERE a.\"userId\" <> g.\"userId\")")
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a linked share joins a chat shared with its runs to a live, shared run of the chat's user that its tool messages name, linked once the chat was shared; every such named run is linked",
                    "WITH named AS (SELECT m.\"sessionId\", coalesce(m.content::jsonb ->> 'execution_id', "
                            + "m.content::jsonb -> 'execution' ->> 'execution_id') AS run FROM \"ChatMessage\" m "
                            + "WHERE m.role = 'tool' AND m.content LIKE '{%') "
                            + "SELECT (SELECT count(*) FROM \"ChatLinkedShare\" l LEFT JOIN \"ChatSession\" c ON c.id = l.\"sessionId\" "
                            + "LEFT JOIN \"AgentGraphExecution\" e ON e.id = l.\"executionId\" WHERE c.id IS NULL OR e.id IS NULL "
                            + "OR NOT c.\"isShared\" OR NOT c.\"autoShareExecutions\" OR e.\"userId\" <> c.\"userId\" OR e.\"isDeleted\" "
                            + "OR NOT e.\"isShared\" OR l.\"createdAt\" < c.\"sharedAt\" "
                            + "OR NOT EXISTS (SELECT 1 FROM named n WHERE n.\"sessionId\" = c.id AND n.run = e.id)) "
                            + "+ (SELECT count(*) FROM (SELECT DISTINCT n.\"sessionId\", n.run FROM named n JOIN \"ChatSession\" c ON c.id = n.\"sessionId\" "
                            + "WHERE c.\"autoShareExecutions\" AND n.run IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"ChatLinkedShare\" l "
                            + "WHERE l.\"sessionId\" = n.\"sessionId\" AND l.\"executionId\" = n.run)) x) "
                            + "+ (SELECT count(*) FROM named n JOIN \"ChatSession\" c ON c.id = n.\"sessionId\" JOIN \"AgentGraphExecution\" e "
                            + "ON e.id = n.run WHERE e.\"userId\" <> c.\"userId\")",
                    "UPDATE \"ChatLinkedShare\" SET \"sessionId\" = (SELECT min(id) FROM \"ChatSession\" WHERE NOT \"isShared\") "
                            + "WHERE id = (SELECT min(id) FROM \"ChatLinkedShare\")",
                    Set.of("ChatLinkedShare", "ChatSession", "ChatMessage", "AgentGraphExecution"))
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a shared chat's file is a live workspace file of the chat's owner that its messages name, under the chat's token, allowed once shared; every such named file is allowed",
                    "WITH named AS (SELECT DISTINCT c.id AS chat, c.\"shareToken\", f.id AS file FROM \"ChatSession\" c "
                            + "JOIN \"ChatMessage\" m ON m.\"sessionId\" = c.id JOIN \"UserWorkspace\" w ON w.\"userId\" = c.\"userId\" "
                            + "JOIN \"UserWorkspaceFile\" f ON f.\"workspaceId\" = w.id WHERE position('file_id=' || f.id IN m.content) > 0) "
                            + "SELECT (SELECT count(*) FROM \"SharedChatFile\" s LEFT JOIN \"ChatSession\" c ON c.id = s.\"sessionId\" "
                            + "LEFT JOIN \"UserWorkspaceFile\" f ON f.id = s.\"fileId\" WHERE c.id IS NULL OR f.id IS NULL OR NOT c.\"isShared\" "
                            + "OR s.\"shareToken\" IS DISTINCT FROM c.\"shareToken\" OR f.\"isDeleted\" OR s.\"createdAt\" < c.\"sharedAt\" "
                            + "OR NOT EXISTS (SELECT 1 FROM named n WHERE n.chat = c.id AND n.file = f.id)) "
                            + "+ (SELECT count(*) FROM named n JOIN \"ChatSession\" c ON c.id = n.chat JOIN \"UserWorkspaceFile\" f ON f.id = n.file "
                            + "WHERE c.\"isShared\" AND NOT f.\"isDeleted\" AND NOT EXISTS (SELECT 1 FROM \"SharedChatFile\" s "
                            + "WHERE s.\"shareToken\" = c.\"shareToken\" AND s.\"fileId\" = f.id)) "
                            + "+ (SELECT count(*) FROM \"ChatMessage\" m, regexp_matches(m.content, 'file_id=([0-9a-f-]{36})', 'g') r "
                            + "JOIN \"UserWorkspaceFile\" f ON f.id = r[1] JOIN \"UserWorkspace\" w ON w.id = f.\"workspaceId\" "
                            + "WHERE NOT EXISTS (SELECT 1 FROM \"ChatSession\" c WHERE c.id = m.\"sessionId\" AND c.\"userId\" = w.\"userId\"))",
                    "UPDATE \"SharedChatFile\" SET \"shareToken\" = '00000000-0000-4000-8000-000000000000' "
                            + "WHERE id = (SELECT min(id) FROM \"SharedChatFile\")",
                    Set.of("SharedChatFile", "ChatSession", "ChatMessage", "UserWorkspaceFile"))
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a shared run's file is a live workspace file of the run's owner that the run returned (workspace://), under the run's token, allowed once shared and finished; every such returned file of a shared run is allowed",
                    "WITH returned AS (SELECT DISTINCT n.\"agentGraphExecutionId\" AS run, substr(io.data #>> '{}', 13) AS file "
                            + "FROM \"AgentNodeExecutionInputOutput\" io JOIN \"AgentNodeExecution\" n ON n.id = io.\"referencedByOutputExecId\" "
                            + "WHERE jsonb_typeof(io.data) = 'string' AND io.data #>> '{}' LIKE 'workspace://%') "
                            + "SELECT (SELECT count(*) FROM \"SharedExecutionFile\" s LEFT JOIN \"AgentGraphExecution\" e ON e.id = s.\"executionId\" "
                            + "LEFT JOIN \"UserWorkspaceFile\" f ON f.id = s.\"fileId\" LEFT JOIN \"UserWorkspace\" w ON w.id = f.\"workspaceId\" "
                            + "WHERE e.id IS NULL OR f.id IS NULL OR NOT e.\"isShared\" OR s.\"shareToken\" IS DISTINCT FROM e.\"shareToken\" "
                            + "OR f.\"isDeleted\" OR w.\"userId\" <> e.\"userId\" OR s.\"createdAt\" < e.\"sharedAt\" OR s.\"createdAt\" < e.\"endedAt\" "
                            + "OR NOT EXISTS (SELECT 1 FROM returned r WHERE r.run = e.id AND r.file = f.id)) "
                            + "+ (SELECT count(*) FROM returned r JOIN \"AgentGraphExecution\" e ON e.id = r.run "
                            + "LEFT JOIN \"UserWorkspaceFile\" f ON f.id = r.file LEFT JOIN \"UserWorkspace\" w ON w.id = f.\"workspaceId\" "
                            + "WHERE f.id IS NULL OR w.\"userId\" <> e.\"userId\" OR f.\"createdAt\" > e.\"endedAt\" "
                            + "OR (e.\"isShared\" AND NOT f.\"isDeleted\" AND NOT EXISTS (SELECT 1 FROM \"SharedExecutionFile\" s "
                            + "WHERE s.\"shareToken\" = e.\"shareToken\" AND s.\"fileId\" = f.id)))",
                    "UPDATE \"SharedExecutionFile\" s SET \"fileId\" = (SELECT min(f.id) FROM \"UserWorkspaceFile\" f WHERE f.id <> s.\"fileId\") "
                            + "WHERE id = (SELECT min(id) FROM \"SharedExecutionFile\")",
                    Set.of("SharedExecutionFile", "AgentGraphExecution", "UserWorkspaceFile"))
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a run shared by a chat (CHAT_LINK) is linked from a shared chat, stamped with the earliest such chat's share time",
                    "SELECT count(*) FROM \"AgentGraphExecution\" e WHERE e.\"sharedVia\" = 'CHAT_LINK' AND e.\"sharedAt\" IS DISTINCT FROM "
                            + "(SELECT min(c.\"sharedAt\") FROM \"ChatLinkedShare\" l JOIN \"ChatSession\" c ON c.id = l.\"sessionId\" "
                            + "WHERE l.\"executionId\" = e.id AND c.\"isShared\")",
                    "UPDATE \"AgentGraphExecution\" SET \"sharedVia\" = 'CHAT_LINK' WHERE id = (SELECT min(id) FROM \"AgentGraphExecution\" "
                            + "WHERE \"sharedVia\" = 'USER' AND id NOT IN (SELECT \"executionId\" FROM \"ChatLinkedShare\"))",
                    Set.of("ChatLinkedShare", "ChatSession", "AgentGraphExecution"))
                    .onlyUnder(PlatformRules.SEPTEMBER_2026),
            // Today's long tail: briefings, alerts, the feed, chat costs, the organisations' audit, credentials, bots.
            new Invariant("a user's latest briefing went out at their lastBriefingAt; a user with briefings OFF or never sent one has none",
                    "SELECT count(*) FROM \"User\" u WHERE (SELECT max(b.\"deliveredAt\") FROM \"UserBriefing\" b WHERE b.\"userId\" = u.id) "
                            + "IS DISTINCT FROM (CASE WHEN u.\"briefingFrequency\" = 'OFF' THEN NULL ELSE u.\"lastBriefingAt\" END)",
                    "UPDATE \"User\" SET \"lastBriefingAt\" = \"lastBriefingAt\" - interval '1 day' "
                            + "WHERE id = (SELECT min(\"userId\") FROM \"UserBriefing\")",
                    Set.of("UserBriefing")).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a briefing covers the local day it went out on in its user's timezone, and was generated before it was delivered",
                    "SELECT count(*) FROM \"UserBriefing\" b JOIN \"User\" u ON u.id = b.\"userId\" WHERE b.\"createdAt\" > b.\"deliveredAt\" "
                            + "OR b.\"briefingDate\" <> (b.\"deliveredAt\" AT TIME ZONE 'UTC' AT TIME ZONE "
                            + "(CASE WHEN u.timezone = 'not-set' THEN 'UTC' ELSE u.timezone END))::date",
                    "UPDATE \"UserBriefing\" SET \"briefingDate\" = \"briefingDate\" + 1 WHERE id = (SELECT min(id) FROM \"UserBriefing\")",
                    Set.of("UserBriefing")).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an alert is raised only for a user with alerts on; a BLOCK_FAILED one is keyed on its graph and names a failed run of the user's of it; SENT has sentAt, RESOLVED exactly has resolvedAt",
                    "SELECT count(*) FROM \"AlertCondition\" a JOIN \"User\" u ON u.id = a.\"userId\" WHERE NOT u.\"alertsEnabled\" "
                            + "OR (a.status = 'SENT' AND a.\"sentAt\" IS NULL) OR (a.status = 'RESOLVED') <> (a.\"resolvedAt\" IS NOT NULL) "
                            + "OR (a.cause = 'BLOCK_FAILED' AND (a.\"causeKey\" <> 'block_failed:' || (a.data ->> 'graph_id') "
                            + "OR NOT EXISTS (SELECT 1 FROM \"AgentGraphExecution\" e WHERE e.id = a.data ->> 'graph_exec_id' "
                            + "AND e.\"userId\" = a.\"userId\" AND e.\"agentGraphId\" = a.data ->> 'graph_id' AND e.\"executionStatus\" = 'FAILED')))",
                    "UPDATE \"AlertCondition\" SET \"causeKey\" = 'block_failed:elsewhere' "
                            + "WHERE id = (SELECT min(id) FROM \"AlertCondition\" WHERE cause = 'BLOCK_FAILED')",
                    Set.of("AlertCondition")).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a chat's cost logs add up to the tokens its session used, are its user's, and cost what they tracked",
                    "WITH l AS (SELECT \"chatSessionId\" AS s, sum(\"inputTokens\") AS i, sum(\"outputTokens\") AS o FROM \"PlatformCostLog\" "
                            + "WHERE \"chatSessionId\" IS NOT NULL GROUP BY 1) "
                            + "SELECT (SELECT count(*) FROM \"ChatSession\" c LEFT JOIN l ON l.s = c.id "
                            + "WHERE coalesce(l.i, 0) <> c.\"totalPromptTokens\" OR coalesce(l.o, 0) <> c.\"totalCompletionTokens\") "
                            + "+ (SELECT count(*) FROM \"PlatformCostLog\" p LEFT JOIN \"ChatSession\" c ON c.id = p.\"chatSessionId\" "
                            + "WHERE c.id IS NULL OR p.\"userId\" IS DISTINCT FROM c.\"userId\" "
                            + "OR p.\"costMicrodollars\" <> round((p.metadata ->> 'tracking_amount')::numeric * 1000000))",
                    "UPDATE \"PlatformCostLog\" SET \"inputTokens\" = \"inputTokens\" + 1 WHERE id = (SELECT min(id) FROM \"PlatformCostLog\")",
                    Set.of("PlatformCostLog", "ChatSession")).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a run event names a finished run of the user's, at its end, with its status; a file event a live file of the user's, at its creation",
                    "SELECT (SELECT count(*) FROM \"ActivityEvent\" a LEFT JOIN \"AgentGraphExecution\" e ON e.id = a.\"graphExecId\" "
                            + "WHERE a.category = 'RUN' AND (e.id IS NULL OR e.\"userId\" <> a.\"userId\" OR a.\"createdAt\" IS DISTINCT FROM e.\"endedAt\" "
                            + "OR a.\"eventType\" <> 'run.' || lower(e.\"executionStatus\"::text))) "
                            + "+ (SELECT count(*) FROM \"ActivityEvent\" a LEFT JOIN \"UserWorkspaceFile\" f ON f.id = a.\"objectId\" "
                            + "LEFT JOIN \"UserWorkspace\" w ON w.id = f.\"workspaceId\" WHERE a.category = 'FILE' "
                            + "AND (f.id IS NULL OR f.\"isDeleted\" OR w.\"userId\" <> a.\"userId\" OR f.\"createdAt\" <> a.\"createdAt\"))",
                    "UPDATE \"ActivityEvent\" SET \"eventType\" = 'run.completed' "
                            + "WHERE id = (SELECT min(id) FROM \"ActivityEvent\" WHERE \"eventType\" = 'run.failed')",
                    Set.of("ActivityEvent")).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an organisation's audit entry records what its rows say, by whom and when they say; every shared organisation's creation is audited",
                    "SELECT (SELECT count(*) FROM \"AuditLog\" a WHERE NOT coalesce(CASE a.action "
                            + "WHEN 'ORG_CREATED' THEN EXISTS (SELECT 1 FROM \"Organization\" o WHERE o.id = a.\"entityId\" AND o.id = a.\"organizationId\" "
                            + "AND o.\"bootstrapUserId\" = a.\"actorUserId\" AND o.\"createdAt\" = a.\"createdAt\") "
                            + "WHEN 'TEAM_CREATED' THEN EXISTS (SELECT 1 FROM \"Team\" t WHERE t.id = a.\"entityId\" AND t.id = a.\"teamId\" "
                            + "AND t.\"orgId\" = a.\"organizationId\" AND t.\"createdAt\" = a.\"createdAt\") "
                            + "WHEN 'ORG_MEMBER_ADDED' THEN EXISTS (SELECT 1 FROM \"OrgMember\" m WHERE m.id = a.\"entityId\" "
                            + "AND m.\"orgId\" = a.\"organizationId\" AND m.\"invitedByUserId\" = a.\"actorUserId\" AND m.\"joinedAt\" = a.\"createdAt\") "
                            + "WHEN 'ORG_INVITATION_CREATED' THEN EXISTS (SELECT 1 FROM \"OrgInvitation\" i WHERE i.id = a.\"entityId\" "
                            + "AND i.\"orgId\" = a.\"organizationId\" AND i.\"invitedByUserId\" = a.\"actorUserId\" AND i.\"createdAt\" = a.\"createdAt\") "
                            + "WHEN 'ORG_INVITATION_ACCEPTED' THEN EXISTS (SELECT 1 FROM \"OrgInvitation\" i WHERE i.id = a.\"entityId\" "
                            + "AND i.\"orgId\" = a.\"organizationId\" AND i.\"targetUserId\" = a.\"actorUserId\" AND i.\"acceptedAt\" = a.\"createdAt\") "
                            + "WHEN 'ORG_INVITATION_REVOKED' THEN EXISTS (SELECT 1 FROM \"OrgInvitation\" i WHERE i.id = a.\"entityId\" "
                            + "AND i.\"orgId\" = a.\"organizationId\" AND i.\"invitedByUserId\" = a.\"actorUserId\" AND i.\"revokedAt\" = a.\"createdAt\") "
                            + "END, false)) + (SELECT count(*) FROM \"Organization\" o WHERE NOT o.\"isPersonal\" "
                            + "AND NOT EXISTS (SELECT 1 FROM \"AuditLog\" a WHERE a.\"entityId\" = o.id AND a.action = 'ORG_CREATED'))",
                    "UPDATE \"AuditLog\" a SET \"actorUserId\" = (SELECT min(id) FROM \"User\" WHERE id <> a.\"actorUserId\") "
                            + "WHERE id = (SELECT min(id) FROM \"AuditLog\" WHERE action = 'ORG_MEMBER_ADDED')",
                    Set.of("AuditLog")).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an integration credential is its owner's in its organisation (a USER one its creator's, a TEAM one a team of the organisation's, an ORG one the organisation's), made by a member, its payload a Fernet token",
                    "SELECT count(*) FROM \"IntegrationCredential\" c WHERE NOT coalesce(CASE c.\"ownerType\" "
                            + "WHEN 'USER' THEN c.\"ownerId\" = c.\"createdByUserId\" AND c.\"teamId\" IS NULL "
                            + "WHEN 'TEAM' THEN c.\"teamId\" = c.\"ownerId\" AND EXISTS (SELECT 1 FROM \"Team\" t WHERE t.id = c.\"teamId\" "
                            + "AND t.\"orgId\" = c.\"organizationId\") "
                            + "WHEN 'ORG' THEN c.\"ownerId\" = c.\"organizationId\" AND c.\"teamId\" IS NULL END, false) "
                            + "OR NOT EXISTS (SELECT 1 FROM \"OrgMember\" m WHERE m.\"orgId\" = c.\"organizationId\" AND m.\"userId\" = c.\"createdByUserId\") "
                            + "OR c.\"encryptedPayload\" NOT LIKE 'gAAAAA%'",
                    "UPDATE \"IntegrationCredential\" SET \"ownerId\" = \"organizationId\" "
                            + "WHERE id = (SELECT min(id) FROM \"IntegrationCredential\" WHERE \"ownerType\" = 'USER')",
                    Set.of("IntegrationCredential")).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a link token names a linked server (by its owner) or a linked account, lives 30 minutes and is used after it was made; every link was made by claiming one in time",
                    "SELECT (SELECT count(*) FROM \"PlatformLinkToken\" t WHERE t.\"expiresAt\" <> t.\"createdAt\" + interval '30 minutes' "
                            + "OR t.\"usedAt\" < t.\"createdAt\" "
                            + "OR (t.\"linkType\" = 'SERVER' AND NOT EXISTS (SELECT 1 FROM \"PlatformLink\" l WHERE l.platform = t.platform "
                            + "AND l.\"platformServerId\" = t.\"platformServerId\" AND l.\"ownerPlatformUserId\" = t.\"platformUserId\")) "
                            + "OR (t.\"linkType\" = 'USER' AND NOT EXISTS (SELECT 1 FROM \"PlatformUserLink\" l WHERE l.platform = t.platform "
                            + "AND l.\"platformUserId\" = t.\"platformUserId\"))) "
                            + "+ (SELECT count(*) FROM \"PlatformLink\" l WHERE NOT EXISTS (SELECT 1 FROM \"PlatformLinkToken\" t "
                            + "WHERE t.platform = l.platform AND t.\"platformServerId\" = l.\"platformServerId\" AND t.\"usedAt\" = l.\"linkedAt\" "
                            + "AND t.\"usedAt\" <= t.\"expiresAt\")) "
                            + "+ (SELECT count(*) FROM \"PlatformUserLink\" l WHERE NOT EXISTS (SELECT 1 FROM \"PlatformLinkToken\" t "
                            + "WHERE t.platform = l.platform AND t.\"platformUserId\" = l.\"platformUserId\" AND t.\"usedAt\" = l.\"linkedAt\" "
                            + "AND t.\"usedAt\" <= t.\"expiresAt\"))",
                    "UPDATE \"PlatformLinkToken\" SET \"platformServerId\" = 'nowhere' "
                            + "WHERE id = (SELECT min(id) FROM \"PlatformLinkToken\" WHERE \"linkType\" = 'SERVER')",
                    Set.of("PlatformLinkToken", "PlatformLink", "PlatformUserLink")).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("the bot joined or was installed in a server before it was linked there, and its events are in linked servers, after the link",
                    "SELECT (SELECT count(*) FROM \"BotGuild\" g WHERE NOT EXISTS (SELECT 1 FROM \"PlatformLink\" l WHERE l.platform = g.platform "
                            + "AND l.\"platformServerId\" = g.\"serverId\" AND g.\"joinedAt\" <= l.\"linkedAt\")) "
                            + "+ (SELECT count(*) FROM \"BotInstall\" i WHERE NOT EXISTS (SELECT 1 FROM \"PlatformLink\" l WHERE l.platform = i.platform "
                            + "AND l.\"platformServerId\" = i.\"platformServerId\" AND i.\"installedAt\" <= l.\"linkedAt\")) "
                            + "+ (SELECT count(*) FROM \"BotEvent\" e WHERE NOT EXISTS (SELECT 1 FROM \"PlatformLink\" l WHERE l.platform = e.platform "
                            + "AND l.\"platformServerId\" = e.\"serverId\" AND e.\"createdAt\" >= l.\"linkedAt\"))",
                    "UPDATE \"BotGuild\" SET \"joinedAt\" = '2025-05-31 23:59:59' WHERE id = (SELECT min(id) FROM \"BotGuild\")",
                    Set.of("BotGuild", "BotInstall", "BotEvent", "PlatformLink")).onlyUnder(PlatformRules.SEPTEMBER_2026),
            // Today's experts: everything hanging off an expert is its owner's.
            new Invariant("a routine has exactly one owner: the account's user, or its expert's owner (a hire or raise, "
                    + "never a template)",
                    "SELECT count(*) FROM \"ExpertRoutine\" r LEFT JOIN \"Expert\" x ON x.id = r.\"expertId\" "
                            + "WHERE (r.\"expertId\" IS NULL) = (r.\"userId\" IS NULL) OR (r.\"expertId\" IS NOT NULL "
                            + "AND (x.\"ownerUserId\" IS NULL OR x.\"isTemplate\"))",
                    "UPDATE \"Expert\" SET \"ownerUserId\" = NULL, \"isTemplate\" = true "
                            + "WHERE id = (SELECT min(\"expertId\") FROM \"ExpertRoutine\")",
                    EXPERTS).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a routine runs on a cadence or once: one scheduler job per cron while switched on, none while "
                    + "off or when its expert is archived; a one-shot fires at its runAt, once that has passed",
                    "SELECT count(*) FROM \"ExpertRoutine\" r LEFT JOIN \"Expert\" x ON x.id = r.\"expertId\" "
                            + "WHERE (cardinality(coalesce(r.crons, '{}')) = 0) = (r.\"runAt\" IS NULL) "
                            + "OR (r.\"runAt\" IS NULL AND cardinality(coalesce(r.\"scheduleIds\", '{}')) "
                            + "<> CASE WHEN r.\"enabledAt\" IS NULL THEN 0 ELSE cardinality(r.crons) END) "
                            + "OR (x.\"isArchived\" AND cardinality(coalesce(r.\"scheduleIds\", '{}')) > 0) "
                            + "OR (r.\"firedAt\" IS NOT NULL AND (r.\"runAt\" IS NULL OR r.\"firedAt\" < r.\"runAt\")) "
                            + "OR (r.\"runAt\" < '2025-06-01' AND r.\"firedAt\" IS NULL)",
                    "UPDATE \"ExpertRoutine\" SET \"scheduleIds\" = ARRAY['00000000-0000-4000-8000-000000000000'] "
                            + "WHERE id = (SELECT min(id) FROM \"ExpertRoutine\" WHERE \"enabledAt\" IS NULL AND \"runAt\" IS NULL)",
                    EXPERTS).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an owned expert is private to its owner, in the owner's personal organisation and its Default team",
                    "SELECT count(*) FROM \"Expert\" x WHERE x.\"ownerUserId\" IS NOT NULL AND (x.\"isTemplate\" "
                            + "OR x.visibility <> 'PRIVATE' OR NOT EXISTS (SELECT 1 FROM \"Organization\" o JOIN \"Team\" t "
                            + "ON t.\"orgId\" = o.id AND t.\"isDefault\" WHERE o.id = x.\"organizationId\" "
                            + "AND t.id = x.\"teamId\" AND o.\"isPersonal\" AND o.\"bootstrapUserId\" = x.\"ownerUserId\"))",
                    "UPDATE \"Expert\" SET \"teamId\" = NULL WHERE id = (SELECT min(id) FROM \"Expert\")",
                    union(EXPERTS, TENANCY)).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an expert's pod is its owner's",
                    "SELECT count(*) FROM \"Expert\" x JOIN \"ExpertPod\" p ON p.id = x.\"podId\" "
                            + "WHERE p.\"userId\" IS DISTINCT FROM x.\"ownerUserId\" OR x.\"createdAt\" > x.\"updatedAt\"",
                    "UPDATE \"ExpertPod\" p SET \"userId\" = (SELECT min(u.id) FROM \"User\" u WHERE u.id <> p.\"userId\") "
                            + "WHERE id = (SELECT min(\"podId\") FROM \"Expert\")",
                    EXPERTS).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an expert's workflow is one of its owner's library agents, installed after both existed; its "
                    + "store version lists the agent's graph; a schedule has its cadence, and an archived expert has none",
                    "SELECT count(*) FROM \"ExpertWorkflow\" w JOIN \"Expert\" x ON x.id = w.\"expertId\" "
                            + "LEFT JOIN \"LibraryAgent\" a ON a.id = w.\"libraryAgentId\" "
                            + "LEFT JOIN \"StoreListingVersion\" v ON v.id = w.\"storeListingVersionId\" "
                            + "WHERE a.id IS NULL OR a.\"userId\" IS DISTINCT FROM x.\"ownerUserId\" OR w.\"createdAt\" < x.\"createdAt\" "
                            + "OR w.\"createdAt\" < a.\"createdAt\" OR (v.id IS NOT NULL AND v.\"agentGraphId\" <> a.\"agentGraphId\") "
                            + "OR (w.\"scheduleId\" IS NOT NULL AND (w.\"scheduleCron\" IS NULL OR x.\"isArchived\"))",
                    "UPDATE \"ExpertWorkflow\" w SET \"libraryAgentId\" = (SELECT min(a.id) FROM \"LibraryAgent\" a "
                            + "JOIN \"Expert\" x ON x.id = w.\"expertId\" WHERE a.\"userId\" <> x.\"ownerUserId\") "
                            + "WHERE id = (SELECT min(id) FROM \"ExpertWorkflow\")",
                    EXPERTS).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an expert may use only its owner's credentials (by id and provider), granted once its "
                    + "allow-list was seeded; the allow-list is seeded when its first workflow was installed",
                    "SELECT (SELECT count(*) FROM \"ExpertCredential\" c JOIN \"Expert\" x ON x.id = c.\"expertId\" "
                            + "WHERE x.\"credentialsSeededAt\" IS NULL OR c.\"createdAt\" < x.\"credentialsSeededAt\" "
                            + "OR NOT EXISTS (SELECT 1 FROM \"IntegrationWebhook\" h WHERE h.\"userId\" = x.\"ownerUserId\" "
                            + "AND h.\"credentialsId\" = c.\"credentialId\" AND h.provider = c.provider)) "
                            + "+ (SELECT count(*) FROM \"Expert\" x WHERE x.\"ownerUserId\" IS NOT NULL AND x.\"credentialsSeededAt\" "
                            + "IS DISTINCT FROM (SELECT min(w.\"createdAt\") FROM \"ExpertWorkflow\" w WHERE w.\"expertId\" = x.id))",
                    "UPDATE \"ExpertCredential\" SET provider = 'nobody' WHERE id = (SELECT min(id) FROM \"ExpertCredential\")",
                    EXPERTS).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an owned expert comes with its owner's own live, approved skill listings, at positions 0..n-1",
                    "SELECT (SELECT count(*) FROM \"ExpertSkillListing\" es JOIN \"Expert\" x ON x.id = es.\"expertId\" "
                            + "JOIN \"SkillListing\" l ON l.id = es.\"skillListingId\" WHERE x.\"ownerUserId\" IS NOT NULL "
                            + "AND (l.\"owningUserId\" IS DISTINCT FROM x.\"ownerUserId\" OR NOT l.\"hasApprovedVersion\" "
                            + "OR l.\"isDeleted\" OR l.\"activeVersionId\" IS NULL)) "
                            + "+ (SELECT count(*) FROM (SELECT \"expertId\" FROM \"ExpertSkillListing\" GROUP BY 1 "
                            + "HAVING min(position) <> 0 OR max(position) <> count(*) - 1) y)",
                    "UPDATE \"SkillListing\" l SET \"owningUserId\" = (SELECT min(u.id) FROM \"User\" u WHERE u.id <> l.\"owningUserId\") "
                            + "WHERE id = (SELECT min(es.\"skillListingId\") FROM \"ExpertSkillListing\" es JOIN \"Expert\" x "
                            + "ON x.id = es.\"expertId\" WHERE x.\"ownerUserId\" IS NOT NULL)",
                    EXPERTS).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("an expert's schedules are paused exactly when its newest pause event is open, since then; "
                    + "at most one open pause, and a cleared one was cleared after it was made",
                    "SELECT (SELECT count(*) FROM \"Expert\" x WHERE x.\"schedulesPausedAt\" IS DISTINCT FROM "
                            + "(SELECT p.\"createdAt\" FROM \"ExpertPauseEvent\" p WHERE p.\"expertId\" = x.id "
                            + "AND p.\"clearedAt\" IS NULL ORDER BY p.\"createdAt\" DESC LIMIT 1)) "
                            + "+ (SELECT count(*) FROM \"ExpertPauseEvent\" p WHERE p.\"clearedAt\" < p.\"createdAt\") "
                            + "+ (SELECT count(*) FROM (SELECT \"expertId\" FROM \"ExpertPauseEvent\" WHERE \"clearedAt\" IS NULL "
                            + "GROUP BY 1 HAVING count(*) > 1) y)",
                    "UPDATE \"ExpertPauseEvent\" SET \"clearedAt\" = NULL "
                            + "WHERE id = (SELECT min(id) FROM \"ExpertPauseEvent\" WHERE \"clearedAt\" IS NOT NULL)",
                    EXPERTS).onlyUnder(PlatformRules.SEPTEMBER_2026),
            // Today's Skills Hub.
            new Invariant("a skill listing's versions are numbered 1..n; its active version is its newest approved one and "
                    + "hasApprovedVersion says it has one; a submitted version has its time, a reviewed one a reviewer other "
                    + "than its creator",
                    "SELECT (SELECT count(*) FROM \"SkillListing\" l WHERE l.\"activeVersionId\" IS DISTINCT FROM "
                            + "(SELECT v.id FROM \"SkillListingVersion\" v WHERE v.\"skillListingId\" = l.id "
                            + "AND v.\"submissionStatus\" = 'APPROVED' AND NOT v.\"isDeleted\" ORDER BY v.version DESC LIMIT 1) "
                            + "OR l.\"hasApprovedVersion\" <> (l.\"activeVersionId\" IS NOT NULL)) "
                            + "+ (SELECT count(*) FROM (SELECT \"skillListingId\" FROM \"SkillListingVersion\" GROUP BY 1 "
                            + "HAVING max(version) <> count(*) OR min(version) <> 1) y) "
                            + "+ (SELECT count(*) FROM \"SkillListingVersion\" v JOIN \"SkillListing\" l ON l.id = v.\"skillListingId\" "
                            + "WHERE l.\"owningUserId\" IS NOT NULL AND ((v.\"submissionStatus\" IN ('APPROVED', 'REJECTED')) "
                            + "<> (v.\"reviewerId\" IS NOT NULL) OR v.\"reviewerId\" = l.\"owningUserId\" "
                            + "OR (v.\"submissionStatus\" <> 'DRAFT') <> (v.\"submittedAt\" IS NOT NULL)))",
                    "UPDATE \"SkillListingVersion\" SET \"submissionStatus\" = 'PENDING' "
                            + "WHERE id = (SELECT min(\"activeVersionId\") FROM \"SkillListing\" WHERE \"owningUserId\" IS NOT NULL)",
                    Set.of("SkillListing", "SkillListingVersion")).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("a skill file's size and SHA-256 are those of its bytes; it lies beside SKILL.md (a relative path, "
                    + "not SKILL.md itself), snapshotted with its version",
                    "SELECT count(*) FROM \"SkillListingFile\" f JOIN \"SkillListingVersion\" v ON v.id = f.\"skillListingVersionId\" "
                            + "WHERE f.\"sizeBytes\" <> octet_length(f.content) OR f.sha256 <> encode(sha256(f.content), 'hex') "
                            + "OR f.\"relativePath\" = 'SKILL.md' OR f.\"relativePath\" LIKE '/%' OR f.\"createdAt\" < v.\"createdAt\"",
                    // A user's file: the catalogue's are immutable (its guard raises).
                    "UPDATE \"SkillListingFile\" SET content = content || '\\x00'::bytea "
                            + "WHERE id = (SELECT min(f.id) FROM \"SkillListingFile\" f JOIN \"SkillListingVersion\" v "
                            + "ON v.id = f.\"skillListingVersionId\" JOIN \"SkillListing\" l ON l.id = v.\"skillListingId\" "
                            + "WHERE l.\"owningUserId\" IS NOT NULL)",
                    Set.of("SkillListingFile", "SkillListingVersion")).onlyUnder(PlatformRules.SEPTEMBER_2026),
            // Today's marketplace catalogue. Its breakers turn the publisher on inside their own statement, as the
            // catalogue's guards admit no other writer.
            new Invariant("a catalogue release ships released versions only: approved, available, live versions of the "
                    + "platform's own (unowned) listings, with their package hash, each named by the release's snapshot",
                    "SELECT count(*) FROM \"CatalogueReleaseVersion\" rv JOIN \"CatalogueRelease\" r ON r.id = rv.\"releaseId\" "
                            + "JOIN \"SkillListingVersion\" v ON v.id = rv.\"versionId\" JOIN \"SkillListing\" l ON l.id = v.\"skillListingId\" "
                            + "WHERE v.\"submissionStatus\" <> 'APPROVED' OR v.\"isDeleted\" OR NOT v.\"isAvailable\" "
                            + "OR v.\"cataloguePackageSha256\" IS NULL OR l.\"owningUserId\" IS NOT NULL OR l.\"owningOrgId\" IS NOT NULL "
                            + "OR NOT EXISTS (SELECT 1 FROM jsonb_each(r.snapshot -> 'skills') i "
                            + "WHERE i.value ->> 'version_id' = v.id AND i.value ->> 'listing_id' = l.id)",
                    "WITH p AS (SELECT set_config('autogpt.catalogue_publisher', 'on', true)) "
                            + "INSERT INTO \"CatalogueReleaseVersion\" (\"releaseId\", \"versionId\") SELECT r.id, "
                            + "(SELECT min(v.id) FROM \"SkillListingVersion\" v JOIN \"SkillListing\" l ON l.id = v.\"skillListingId\" "
                            + "WHERE l.\"owningUserId\" IS NOT NULL AND v.\"submissionStatus\" = 'APPROVED') "
                            + "FROM p, \"CatalogueRelease\" r LIMIT 1",
                    CATALOGUE).onlyUnder(PlatformRules.SEPTEMBER_2026),
            new Invariant("the catalogue's active release exists and is the newest activation's, the state's generation is "
                    + "that activation's and its snapshot the release's; the listings the snapshot names have the versions "
                    + "the release ships active, and its templates are shown with exactly the skills it assigns, in order",
                    "SELECT (SELECT count(*) FROM \"CatalogueState\" s LEFT JOIN \"CatalogueRelease\" r ON r.id = s.\"activeReleaseId\" "
                            + "WHERE s.\"activeReleaseId\" IS NOT NULL AND (r.id IS NULL OR s.snapshot IS DISTINCT FROM r.snapshot "
                            + "OR s.generation IS DISTINCT FROM (SELECT max(a.generation) FROM \"CatalogueActivation\" a) "
                            + "OR r.id IS DISTINCT FROM (SELECT a.\"releaseId\" FROM \"CatalogueActivation\" a "
                            + "ORDER BY a.generation DESC LIMIT 1))) "
                            + "+ (SELECT count(*) FROM \"CatalogueState\" s CROSS JOIN LATERAL jsonb_each(s.snapshot -> 'skills') i "
                            + "LEFT JOIN \"SkillListing\" l ON l.id = i.value ->> 'listing_id' WHERE l.id IS NULL "
                            + "OR l.\"activeVersionId\" IS DISTINCT FROM i.value ->> 'version_id' OR l.\"owningUserId\" IS NOT NULL "
                            + "OR NOT EXISTS (SELECT 1 FROM \"CatalogueReleaseVersion\" rv WHERE rv.\"releaseId\" = s.\"activeReleaseId\" "
                            + "AND rv.\"versionId\" = i.value ->> 'version_id')) "
                            + "+ (SELECT count(*) FROM \"CatalogueState\" s CROSS JOIN LATERAL jsonb_each(s.snapshot -> 'experts') i "
                            + "LEFT JOIN \"Expert\" e ON e.id = i.value ->> 'expert_id' WHERE e.id IS NULL OR NOT e.\"isTemplate\" "
                            + "OR e.\"ownerUserId\" IS NOT NULL OR e.\"isArchived\" <> (i.value ->> 'is_archived')::boolean "
                            + "OR (SELECT coalesce(jsonb_agg(es.\"skillListingId\" ORDER BY es.position), '[]'::jsonb) "
                            + "FROM \"ExpertSkillListing\" es WHERE es.\"expertId\" = e.id) <> i.value -> 'skills') "
                            + "+ (SELECT count(*) FROM \"CatalogueReleaseVersion\" rv JOIN \"CatalogueState\" s "
                            + "ON s.\"activeReleaseId\" = rv.\"releaseId\" WHERE NOT EXISTS (SELECT 1 "
                            + "FROM jsonb_each(s.snapshot -> 'skills') i WHERE i.value ->> 'version_id' = rv.\"versionId\"))",
                    "UPDATE \"CatalogueState\" SET snapshot = jsonb_set(snapshot, '{skills}', '{}'::jsonb) "
                            + "FROM (SELECT set_config('autogpt.catalogue_publisher', 'on', true)) p WHERE id = 'marketplace' "
                            + "AND \"activeReleaseId\" IS NOT NULL",
                    CATALOGUE).onlyUnder(PlatformRules.SEPTEMBER_2026));

    private Invariants() {
    }

    /** The catalogue's (id, name) pairs as a VALUES list. */
    private static String catalogue() {
        StringBuilder out = new StringBuilder("VALUES ");
        for (io.autogpt.seed.core.block.Block b : io.autogpt.seed.core.block.BlockCatalogue.platform().blocks()) {
            out.append(out.length() > 7 ? ", " : "").append("('").append(b.id()).append("', '").append(b.name()).append("')");
        }
        return out.toString();
    }
}

package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.activity.ActivityEvent;
import io.autogpt.seed.core.activity.ExperimentAssignment;
import io.autogpt.seed.core.activity.OnboardingBrainDump;
import io.autogpt.seed.core.activity.UserAttribution;
import io.autogpt.seed.core.activity.UserBriefing;
import io.autogpt.seed.core.agent.AgentBlock;
import io.autogpt.seed.core.agent.AgentGraph;
import io.autogpt.seed.core.agent.AgentNode;
import io.autogpt.seed.core.agent.AgentNodeLink;
import io.autogpt.seed.core.agent.AgentPreset;
import io.autogpt.seed.core.agent.LibraryAgent;
import io.autogpt.seed.core.agent.LibraryFolder;
import io.autogpt.seed.core.alert.AlertCondition;
import io.autogpt.seed.core.alert.PushSubscription;
import io.autogpt.seed.core.analytics.AnalyticsDetails;
import io.autogpt.seed.core.analytics.AnalyticsMetrics;
import io.autogpt.seed.core.block.BlockCatalogue;
import io.autogpt.seed.core.bot.BotEvent;
import io.autogpt.seed.core.bot.BotGuild;
import io.autogpt.seed.core.bot.BotInstall;
import io.autogpt.seed.core.bot.PlatformLink;
import io.autogpt.seed.core.bot.PlatformLinkToken;
import io.autogpt.seed.core.bot.PlatformUserLink;
import io.autogpt.seed.core.chat.ChatLinkedShare;
import io.autogpt.seed.core.chat.ChatMessage;
import io.autogpt.seed.core.chat.ChatMessageFeedback;
import io.autogpt.seed.core.chat.ChatSession;
import io.autogpt.seed.core.chat.CoPilotUnderstanding;
import io.autogpt.seed.core.chat.SharedChatFile;
import io.autogpt.seed.core.cost.PlatformCostLog;
import io.autogpt.seed.core.credit.CreditRefundRequest;
import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.credit.SubscriptionTrial;
import io.autogpt.seed.core.credit.SubscriptionTrialClaim;
import io.autogpt.seed.core.credit.UserBalance;
import io.autogpt.seed.core.execution.AgentGraphExecution;
import io.autogpt.seed.core.execution.AgentNodeExecution;
import io.autogpt.seed.core.execution.AgentNodeExecutionInputOutput;
import io.autogpt.seed.core.execution.AgentNodeExecutionKeyValueData;
import io.autogpt.seed.core.execution.PendingHumanReview;
import io.autogpt.seed.core.execution.SharedExecutionFile;
import io.autogpt.seed.core.expert.Expert;
import io.autogpt.seed.core.expert.ExpertCredential;
import io.autogpt.seed.core.expert.ExpertPauseEvent;
import io.autogpt.seed.core.expert.ExpertPod;
import io.autogpt.seed.core.expert.ExpertRoutine;
import io.autogpt.seed.core.expert.ExpertSkillListing;
import io.autogpt.seed.core.expert.ExpertWorkflow;
import io.autogpt.seed.core.integration.APIKey;
import io.autogpt.seed.core.integration.IntegrationCredential;
import io.autogpt.seed.core.integration.IntegrationWebhook;
import io.autogpt.seed.core.notification.NotificationEvent;
import io.autogpt.seed.core.notification.UserNotificationBatch;
import io.autogpt.seed.core.oauth.OAuthAccessToken;
import io.autogpt.seed.core.oauth.OAuthApplication;
import io.autogpt.seed.core.oauth.OAuthAuthorizationCode;
import io.autogpt.seed.core.oauth.OAuthRefreshToken;
import io.autogpt.seed.core.org.AuditLog;
import io.autogpt.seed.core.org.OrgBalance;
import io.autogpt.seed.core.org.OrgCreditTransaction;
import io.autogpt.seed.core.org.OrgInvitation;
import io.autogpt.seed.core.org.OrgMember;
import io.autogpt.seed.core.org.Organization;
import io.autogpt.seed.core.org.OrganizationProfile;
import io.autogpt.seed.core.org.OrganizationSeatAssignment;
import io.autogpt.seed.core.org.Team;
import io.autogpt.seed.core.org.TeamMember;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.search.BuilderSearchHistory;
import io.autogpt.seed.core.search.SearchTerms;
import io.autogpt.seed.core.search.UnifiedContentEmbedding;
import io.autogpt.seed.core.skill.CatalogueActivation;
import io.autogpt.seed.core.skill.CatalogueRelease;
import io.autogpt.seed.core.skill.CatalogueReleaseVersion;
import io.autogpt.seed.core.skill.SkillListing;
import io.autogpt.seed.core.skill.SkillListingActiveVersion;
import io.autogpt.seed.core.skill.SkillListingFile;
import io.autogpt.seed.core.skill.SkillListingVersion;
import io.autogpt.seed.core.store.StoreListing;
import io.autogpt.seed.core.store.StoreListingActiveVersion;
import io.autogpt.seed.core.store.StoreListingReview;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.user.Profile;
import io.autogpt.seed.core.user.User;
import io.autogpt.seed.core.user.UserOnboarding;
import io.autogpt.seed.core.workspace.UserWorkspace;
import io.autogpt.seed.core.workspace.UserWorkspaceFile;
import io.autogpt.seed.core.workspace.UserWorkspaceFolder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * How a dataset is made: the one public class of {@code generate}, which builds the dataset's skeleton
 * ({@link DatasetShape}) and one factory per table, and wires each table to the factory calls that make its rows.
 * Everything else in this package is package-private; {@code run.Dataset} is the face an embedder sees.
 *
 * <p>Nothing is generated until a stream is consumed. Not thread-safe (factories reuse a Datafaker instance).
 */
public final class DatasetAssembly {
    /** One table and a supplier of its rows. */
    private record Step<R extends Record>(Table<R> table, Supplier<Stream<R>> rows) {
    }

    /** A function of a run and its timeline, for the execution tables and what hangs off a run. */
    @FunctionalInterface
    private interface PerExecution<R> {
        Stream<R> rows(Run run, ExecutionTimeline timeline);
    }

    private final SeedPlan plan;
    private final DatasetShape shape;
    private final UserFactory users;
    private final ProfileFactory profiles;
    private final UserOnboardingFactory onboarding;
    /** Every slice writes the whole catalogue, where missing: slices and seeds loaded together share it. */
    private final AgentBlockFactory blocks;
    private final AgentGraphFactory graphs;
    private final AgentNodeFactory nodes;
    private final AgentNodeLinkFactory links;
    private final AgentPresetFactory presets;
    private final LibraryFolderFactory folders;
    private final LibraryAgentFactory library;
    private final ExecutionTimelines timelines;
    private final AgentGraphExecutionFactory graphExecutions;
    private final AgentNodeExecutionFactory nodeExecutions;
    private final AgentNodeExecutionInputOutputFactory inputsOutputs;
    private final AnalyticsFactory analytics;
    private final CreditLedgerFactory credit;
    private final StoreListingFactory listings;
    private final StoreListingVersionFactory versions;
    private final StoreListingReviewFactory reviews;
    private final IntegrationWebhookFactory webhooks;
    private final APIKeyFactory apiKeys;
    private final UserWorkspaceFactory workspaces;
    private final ChatFactory chats;
    private final SharingFactory sharing;
    private final NotificationFactory notifications;
    private final HumanReviewFactory humanReviews;
    private final KeyValueFactory keyValues;
    private final RefundFactory refunds;
    private final StoreSearchFactory search;
    private final OAuthFactory oauth;
    private final OrganizationFactory orgs;
    private final SubscriptionTrialFactory trials;
    private final AlertFactory alerts;
    private final ActivityFactory activity;
    private final CostLogFactory costs;
    private final AuditLogFactory audit;
    private final CredentialFactory credentials;
    private final BotFactory bots;
    private final ExpertFactory experts;
    private final CatalogueFactory catalogue;
    /** The plan's tables in write order, each with the supplier of its rows. */
    private final Map<Table<?>, Supplier<? extends Stream<?>>> steps;

    private DatasetAssembly(SeedPlan plan) {
        this.plan = plan;
        this.shape = new DatasetShape(plan);
        this.users = new UserFactory(shape);
        this.profiles = new ProfileFactory(shape);
        this.onboarding = new UserOnboardingFactory(shape);
        this.blocks = new AgentBlockFactory();
        this.graphs = new AgentGraphFactory(shape);
        this.nodes = new AgentNodeFactory(shape);
        this.links = new AgentNodeLinkFactory(shape);
        this.presets = new AgentPresetFactory(shape);
        this.folders = new LibraryFolderFactory(shape);
        this.library = new LibraryAgentFactory(shape);
        this.timelines = new ExecutionTimelines(shape);
        this.graphExecutions = new AgentGraphExecutionFactory(shape);
        this.nodeExecutions = new AgentNodeExecutionFactory(shape);
        this.inputsOutputs = new AgentNodeExecutionInputOutputFactory(shape);
        this.analytics = new AnalyticsFactory(shape);
        this.credit = new CreditLedgerFactory(shape);
        this.listings = new StoreListingFactory(shape);
        this.versions = new StoreListingVersionFactory(shape);
        this.reviews = new StoreListingReviewFactory(shape);
        this.webhooks = new IntegrationWebhookFactory(shape);
        this.apiKeys = new APIKeyFactory(shape);
        this.workspaces = new UserWorkspaceFactory(shape);
        this.chats = new ChatFactory(shape);
        this.sharing = new SharingFactory(shape);
        this.notifications = new NotificationFactory(shape);
        this.humanReviews = new HumanReviewFactory(shape);
        this.keyValues = new KeyValueFactory(shape);
        this.refunds = new RefundFactory(shape);
        this.search = new StoreSearchFactory(shape);
        this.oauth = new OAuthFactory(shape);
        this.orgs = new OrganizationFactory(shape);
        this.trials = new SubscriptionTrialFactory(shape);
        this.alerts = new AlertFactory(shape);
        this.activity = new ActivityFactory(shape);
        this.costs = new CostLogFactory(shape);
        this.audit = new AuditLogFactory(shape);
        this.credentials = new CredentialFactory(shape);
        this.bots = new BotFactory(shape);
        this.experts = new ExpertFactory(shape);
        this.catalogue = new CatalogueFactory(plan.now());
        this.steps = ordered();
    }

    /**
     * The assembly of {@code plan}'s dataset: the factories are made here, no row is.
     */
    public static DatasetAssembly of(SeedPlan plan) {
        return new DatasetAssembly(plan);
    }

    /**
     * The ids of users {@code [from, to)} of any plan of {@code seed}: a user's id depends on the seed and its
     * ordinal only, so the rows of an earlier run can be found from what the ledger recorded of it.
     */
    public static Stream<String> userIds(long seed, int from, int to) {
        return DatasetShape.userIds(seed, from, to);
    }

    /** Tables only today's platform has: a dataset under earlier rules has no step for them. */
    private static final java.util.Set<Table<?>> TODAY_ONLY = java.util.Set.of(Organization.TABLE,
            OrganizationProfile.TABLE, OrgMember.TABLE, Team.TABLE, TeamMember.TABLE, OrganizationSeatAssignment.TABLE,
            OrgInvitation.TABLE, OrgCreditTransaction.TABLE, OrgBalance.TABLE, SubscriptionTrial.TABLE,
            SubscriptionTrialClaim.TABLE, UserWorkspaceFolder.TABLE, ChatMessageFeedback.TABLE, ChatLinkedShare.TABLE,
            SharedChatFile.TABLE, SharedExecutionFile.TABLE, AuditLog.TABLE, IntegrationCredential.TABLE,
            AlertCondition.TABLE, PushSubscription.TABLE, ActivityEvent.TABLE, UserBriefing.TABLE,
            OnboardingBrainDump.TABLE, ExperimentAssignment.TABLE, UserAttribution.TABLE, PlatformCostLog.TABLE,
            PlatformLink.TABLE, PlatformUserLink.TABLE, PlatformLinkToken.TABLE, BotGuild.TABLE, BotInstall.TABLE,
            BotEvent.TABLE,
            SkillListing.TABLE, SkillListingVersion.TABLE,
            SkillListingFile.TABLE, SkillListingActiveVersion.TABLE, ExpertPod.TABLE, Expert.TABLE, ExpertWorkflow.TABLE, ExpertRoutine.TABLE,
            ExpertSkillListing.TABLE, ExpertCredential.TABLE, ExpertPauseEvent.TABLE, SkillListing.CATALOGUE,
            SkillListingVersion.CATALOGUE, SkillListingFile.CATALOGUE, Expert.CATALOGUE, ExpertSkillListing.CATALOGUE,
            CatalogueRelease.TABLE, CatalogueReleaseVersion.TABLE, CatalogueActivation.TABLE);

    /**
     * Every table of the plan's rules in write order: parents before children, the listing update after the
     * versions. Under the early-2026 rules, today's tenancy and trial tables are not among them.
     */
    public List<Table<?>> tables() {
        return steps.keySet().stream().toList();
    }

    /**
     * The rows of {@code table}: a fresh, lazy stream each call.
     *
     * @throws IllegalArgumentException when the dataset has no such table
     */
    @SuppressWarnings("unchecked")
    public <R extends Record> Stream<R> rows(Table<R> table) {
        Supplier<? extends Stream<?>> rows = steps.get(table);
        if (rows == null) {
            throw new IllegalArgumentException("the dataset has no table " + table.label());
        }
        return (Stream<R>) rows.get();
    }

    private Map<Table<?>, Supplier<? extends Stream<?>>> ordered() {
        boolean today = plan.rules().atLeast(io.autogpt.seed.core.plan.PlatformRules.SEPTEMBER_2026);
        Map<Table<?>, Supplier<? extends Stream<?>>> steps = new LinkedHashMap<>();
        for (Step<?> s : allSteps()) {
            if (today || !TODAY_ONLY.contains(s.table())) {
                steps.put(s.table(), s.rows());
            }
        }
        return java.util.Collections.unmodifiableMap(steps);
    }

    private List<Step<?>> allSteps() {
        return List.of(
                step(User.TABLE, () -> perUser(u -> Stream.of(users.create(u)))),
                // Today's platform's tenancy (no rows under the early rules): before every resource naming a team.
                step(Organization.TABLE, () -> perUser(u -> orgs.organizations(u).stream())),
                step(OrganizationProfile.TABLE, () -> perUser(u -> orgs.profiles(u).stream())),
                step(OrgMember.TABLE, () -> perUser(u -> orgs.members(u).stream())),
                step(Team.TABLE, () -> perUser(u -> orgs.teams(u).stream())),
                step(TeamMember.TABLE, () -> perUser(u -> orgs.teamMembers(u).stream())),
                step(OrganizationSeatAssignment.TABLE, () -> perUser(u -> orgs.seats(u).stream())),
                step(OrgInvitation.TABLE, () -> perUser(u -> orgs.invitations(u).stream())),
                step(OrgCreditTransaction.TABLE, () -> perUser(u -> orgs.transactions(u).stream())),
                step(OrgBalance.TABLE, () -> perUser(u -> orgs.balances(u).stream())),
                step(SubscriptionTrial.TABLE, () -> perUser(u -> trials.trial(u).stream())),
                step(SubscriptionTrialClaim.TABLE, () -> perUser(u -> trials.claims(u).stream())),
                step(AgentBlock.TABLE, () -> BlockCatalogue.platform().blocks().stream().map(blocks::create)),
                step(IntegrationWebhook.TABLE, () -> perUser(u -> count(shape.webhooks(u))
                        .mapToObj(w -> webhooks.create(u, w)))),
                step(AgentGraph.TABLE, () -> perGraph((u, g) -> Stream.of(graphs.create(u, g)))),
                step(AgentNode.TABLE, () -> perGraph((u, g) -> {
                    GraphDesign design = shape.design(u, g);
                    return IntStream.range(0, design.nodes().size()).mapToObj(n -> nodes.create(u, g, n, design));
                })),
                step(AgentNodeLink.TABLE, () -> perGraph((u, g) -> {
                    GraphDesign design = shape.design(u, g);
                    return IntStream.range(0, design.links().size()).mapToObj(k -> links.create(u, g, k, design));
                })),
                step(AgentPreset.TABLE, () -> perUser(u -> count(shape.presets(u))
                        .mapToObj(p -> presets.create(u, p)))),
                step(Profile.TABLE, () -> perUser(u -> Stream.of(profiles.create(u)))),
                step(LibraryFolder.TABLE, () -> perUser(u -> folders.create(u).stream())),
                step(LibraryAgent.TABLE, () -> perUser(u -> library.create(u).stream())),
                step(AgentGraphExecution.TABLE, () -> perExecution((r, t) -> Stream.of(graphExecutions.create(r, t)))),
                step(AgentNodeExecution.TABLE, () -> perExecution((r, t) ->
                        IntStream.range(0, t.nodes().size()).mapToObj(n -> nodeExecutions.create(r, n, t)))),
                step(AgentNodeExecutionInputOutput.TABLE, () -> perExecution((r, t) ->
                        IntStream.range(0, t.nodes().size())
                                .boxed().flatMap(n -> inputsOutputs.create(r, n, t).stream()))),
                step(AnalyticsDetails.TABLE, () -> perUser(u -> count(shape.analytics(u))
                        .mapToObj(i -> analytics.details(u, i)))),
                step(AnalyticsMetrics.TABLE, () -> perUser(u -> count(shape.analytics(u))
                        .mapToObj(i -> analytics.metrics(u, i)))),
                step(CreditTransaction.TABLE, () -> perUser(u -> credit.transactions(u).stream())),
                step(UserBalance.TABLE, () -> perUser(u -> Stream.of(credit.balance(u)))),
                step(StoreListing.TABLE, () -> perGraph((u, g) -> Stream.of(listings.create(u, g)))),
                step(StoreListingVersion.TABLE, () -> perGraph((u, g) -> Stream.of(versions.create(u, g)))),
                step(StoreListingActiveVersion.TABLE, () -> perGraph((u, g) -> listings.activeVersion(u, g).stream())),
                step(StoreListingReview.TABLE, () -> perGraph((u, g) -> reviews.create(u, g).stream())),
                step(UserOnboarding.TABLE, () -> perUser(u -> onboarding.exists(u)
                        ? Stream.of(onboarding.create(u)) : Stream.empty())),
                step(APIKey.TABLE, () -> perUser(u -> count(shape.apiKeys(u)).mapToObj(k -> apiKeys.create(u, k)))),
                step(UserWorkspace.TABLE, () -> perUser(u -> Stream.of(workspaces.workspace(u)))),
                step(UserWorkspaceFolder.TABLE, () -> perUser(u -> workspaces.folders(u).stream())),
                step(UserWorkspaceFile.TABLE, () -> perUser(u -> IntStream.range(0, shape.workspaceFiles(u))
                        .mapToObj(f -> workspaces.file(u, f)))),
                // The tables the platform added up to 2026-01.
                step(ChatSession.TABLE, () -> perUser(u -> count(shape.chats(u)).mapToObj(c -> chats.session(u, c)))),
                step(ChatMessage.TABLE, () -> perUser(u -> count(shape.chats(u)).boxed()
                        .flatMap(c -> chats.messages(u, c).stream()))),
                step(ChatMessageFeedback.TABLE, () -> perUser(u -> count(shape.chats(u)).boxed()
                        .flatMap(c -> chats.feedback(u, c).stream()))),
                // Today's sharing: after the chats, runs and files it names.
                step(ChatLinkedShare.TABLE, () -> perUser(u -> count(shape.chats(u)).boxed()
                        .flatMap(c -> sharing.linkedShares(u, c).stream()))),
                step(SharedChatFile.TABLE, () -> perUser(u -> count(shape.chats(u)).boxed()
                        .flatMap(c -> sharing.chatFiles(u, c).stream()))),
                step(SharedExecutionFile.TABLE, () -> perExecution((r, t) -> sharing.runFile(r, t).stream())),
                step(CoPilotUnderstanding.TABLE, () -> perUser(u -> shape.hasUnderstanding(u)
                        ? Stream.of(chats.understanding(u)) : Stream.empty())),
                step(CreditRefundRequest.TABLE, () -> perUser(u -> refunds.request(u).stream())),
                step(UserNotificationBatch.TABLE, () -> perUser(u -> notifications.batches(u).stream())),
                step(NotificationEvent.TABLE, () -> perUser(u -> notifications.events(u).stream())),
                step(PendingHumanReview.TABLE, () -> Stream.concat(perExecution((r, t) ->
                        humanReviews.review(r, t).stream()), perUser(u -> count(shape.chats(u)).boxed()
                        .flatMap(c -> chats.review(u, c).stream())))),
                step(AgentNodeExecutionKeyValueData.TABLE, () -> perUser(u -> keyValues.entries(u).stream())),
                step(UnifiedContentEmbedding.TABLE, () -> perGraph((u, g) -> search.embedding(u, g).stream())),
                step(SearchTerms.TABLE, () -> perUser(u -> search.searchTerms(u).stream())),
                step(BuilderSearchHistory.TABLE, () -> perUser(u -> search.builderSearches(u).stream())),
                step(OAuthApplication.TABLE, () -> perUser(u -> oauth.application(u).stream())),
                step(OAuthAuthorizationCode.TABLE, () -> perUser(u -> oauth.codes(u).stream())),
                step(OAuthAccessToken.TABLE, () -> perUser(u -> oauth.accessTokens(u).stream())),
                step(OAuthRefreshToken.TABLE, () -> perUser(u -> oauth.refreshTokens(u).stream())),
                // Today's long tail: each user's alerts, feed, briefings, onboarding, experiments, attribution, chat
                // costs, organisation audit, credentials and bots; after everything they name.
                step(AuditLog.TABLE, () -> perUser(u -> audit.entries(u).stream())),
                step(IntegrationCredential.TABLE, () -> perUser(u -> credentials.credentials(u).stream())),
                step(AlertCondition.TABLE, () -> perUser(u -> alerts.conditions(u).stream())),
                step(PushSubscription.TABLE, () -> perUser(u -> alerts.subscriptions(u).stream())),
                step(ActivityEvent.TABLE, () -> perUser(u -> activity.events(u).stream())),
                step(UserBriefing.TABLE, () -> perUser(u -> activity.briefings(u).stream())),
                step(OnboardingBrainDump.TABLE, () -> perUser(u -> activity.brainDump(u).stream())),
                step(ExperimentAssignment.TABLE, () -> perUser(u -> activity.experiments(u).stream())),
                step(UserAttribution.TABLE, () -> perUser(u -> activity.attribution(u).stream())),
                step(PlatformCostLog.TABLE, () -> perUser(u -> count(shape.chats(u)).boxed()
                        .flatMap(c -> costs.chatCosts(u, c).stream()))),
                step(PlatformLink.TABLE, () -> perUser(u -> bots.links(u).stream())),
                step(PlatformUserLink.TABLE, () -> perUser(u -> bots.userLinks(u).stream())),
                step(PlatformLinkToken.TABLE, () -> perUser(u -> bots.tokens(u).stream())),
                step(BotGuild.TABLE, () -> perUser(u -> bots.guilds(u).stream())),
                step(BotInstall.TABLE, () -> perUser(u -> bots.installs(u).stream())),
                step(BotEvent.TABLE, () -> perUser(u -> bots.events(u).stream())),
                // Today's Skills Hub and experts: after the profiles, library agents, store versions and webhook
                // credentials they name; a listing's active version once its versions exist.
                step(SkillListing.TABLE, () -> perUser(u -> experts.skillListings(u).stream())),
                step(SkillListingVersion.TABLE, () -> perUser(u -> experts.skillVersions(u).stream())),
                step(SkillListingFile.TABLE, () -> perUser(u -> experts.skillFiles(u).stream())),
                step(SkillListingActiveVersion.TABLE, () -> perUser(u -> experts.skillActiveVersions(u).stream())),
                step(ExpertPod.TABLE, () -> perUser(u -> experts.pods(u).stream())),
                step(Expert.TABLE, () -> perUser(u -> experts.experts(u).stream())),
                step(ExpertWorkflow.TABLE, () -> perExpert(experts::workflows)),
                step(ExpertRoutine.TABLE, () -> Stream.concat(perExpert(experts::expertRoutines),
                        perUser(u -> experts.accountRoutines(u).stream()))),
                step(ExpertSkillListing.TABLE, () -> perExpert(experts::expertSkills)),
                step(ExpertCredential.TABLE, () -> perExpert(experts::credentials)),
                step(ExpertPauseEvent.TABLE, () -> perExpert(experts::pauseEvents)),
                // The marketplace catalogue: one per platform, the same in every slice of every seed (as the blocks),
                // written where missing through the catalogue publisher; package files before the release ships them.
                step(SkillListing.CATALOGUE, () -> catalogue.listings().stream()),
                step(SkillListingVersion.CATALOGUE, () -> catalogue.versions().stream()),
                step(SkillListingFile.CATALOGUE, () -> catalogue.files().stream()),
                step(Expert.CATALOGUE, () -> catalogue.templates().stream()),
                step(ExpertSkillListing.CATALOGUE, () -> catalogue.assignments().stream()),
                step(CatalogueRelease.TABLE, () -> Stream.of(catalogue.release())),
                step(CatalogueReleaseVersion.TABLE, () -> catalogue.releaseVersions().stream()),
                step(CatalogueActivation.TABLE, () -> Stream.of(catalogue.activation())));
    }

    /**
     * The ids {@code [from, to)} the {@code "SearchTerms"} rows of users {@code [fromUser, toUser)} of any plan of
     * {@code seed} lie in (that table has no user column): what a reset removes.
     */
    public static long[] searchTermIds(long seed, long fromUser, long toUser) {
        return DatasetShape.searchTermIds(seed, fromUser, toUser);
    }

    /** The ids of this plan's users, in ordinal order. */
    public Stream<String> userIds() {
        return userOrdinals().mapToObj(shape::userId);
    }

    private LongStream userOrdinals() {
        return LongStream.range(plan.fromUser(), plan.toUser());
    }

    private static LongStream count(int n) {
        return LongStream.range(0, Math.max(0, n));
    }

    private <R> Stream<R> perUser(java.util.function.LongFunction<Stream<R>> rows) {
        return userOrdinals().boxed().flatMap(rows::apply);
    }

    /** Per expert: each user's experts in turn, the rows of each as a list. */
    private <R> Stream<R> perExpert(java.util.function.BiFunction<Long, Long, List<R>> rows) {
        return perUser(u -> count(experts.expertCount(u)).boxed().flatMap(e -> rows.apply(u, e).stream()));
    }

    private <R> Stream<R> perGraph(java.util.function.BiFunction<Long, Long, Stream<R>> rows) {
        return perUser(u -> count(shape.graphs(u)).boxed().flatMap(g -> rows.apply(u, g)));
    }

    /**
     * Per run: each user's runs of their own graphs, graph by graph, then (today's platform) their runs of the other
     * users' graphs in their library, entry by entry. One user's runs at a time, so memory stays flat.
     */
    private <R> Stream<R> perExecution(PerExecution<R> rows) {
        return perUser(u -> Stream.concat(count(shape.graphs(u)).boxed()
                        .flatMap(g -> count(shape.executions(u, g)).mapToObj(e -> shape.run(u, g, e))),
                // Lazily: the entries are read once the own runs are written.
                Stream.of(u).flatMap(v -> library.runsOfOthersGraphs(v).stream()))
                .flatMap(run -> rows.rows(run, timelines.of(run))));
    }

    private static <R extends Record> Step<R> step(Table<R> table, Supplier<Stream<R>> rows) {
        return new Step<>(table, rows);
    }
}

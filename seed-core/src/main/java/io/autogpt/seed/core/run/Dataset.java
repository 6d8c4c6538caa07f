package io.autogpt.seed.core.run;

import io.autogpt.seed.core.agent.AgentBlock;
import io.autogpt.seed.core.block.BlockCatalogue;
import io.autogpt.seed.core.generate.AgentBlockFactory;
import io.autogpt.seed.core.generate.GraphDesign;
import io.autogpt.seed.core.generate.GraphDesigns;
import io.autogpt.seed.core.agent.AgentGraph;
import io.autogpt.seed.core.generate.AgentGraphFactory;
import io.autogpt.seed.core.agent.AgentNode;
import io.autogpt.seed.core.generate.AgentNodeFactory;
import io.autogpt.seed.core.agent.AgentNodeLink;
import io.autogpt.seed.core.generate.AgentNodeLinkFactory;
import io.autogpt.seed.core.agent.AgentPreset;
import io.autogpt.seed.core.generate.AgentPresetFactory;
import io.autogpt.seed.core.agent.LibraryAgent;
import io.autogpt.seed.core.agent.LibraryFolder;
import io.autogpt.seed.core.generate.LibraryAgentFactory;
import io.autogpt.seed.core.generate.LibraryFolderFactory;
import io.autogpt.seed.core.generate.UserWorkspaceFactory;
import io.autogpt.seed.core.analytics.AnalyticsDetails;
import io.autogpt.seed.core.generate.AnalyticsFactory;
import io.autogpt.seed.core.analytics.AnalyticsMetrics;
import io.autogpt.seed.core.generate.CreditLedgerFactory;
import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.credit.UserBalance;
import io.autogpt.seed.core.execution.AgentGraphExecution;
import io.autogpt.seed.core.generate.AgentGraphExecutionFactory;
import io.autogpt.seed.core.execution.AgentNodeExecution;
import io.autogpt.seed.core.generate.AgentNodeExecutionFactory;
import io.autogpt.seed.core.execution.AgentNodeExecutionInputOutput;
import io.autogpt.seed.core.generate.AgentNodeExecutionInputOutputFactory;
import io.autogpt.seed.core.generate.ExecutionTimeline;
import io.autogpt.seed.core.generate.ExecutionTimelines;
import io.autogpt.seed.core.generate.Run;
import io.autogpt.seed.core.integration.APIKey;
import io.autogpt.seed.core.generate.APIKeyFactory;
import io.autogpt.seed.core.integration.IntegrationWebhook;
import io.autogpt.seed.core.generate.IntegrationWebhookFactory;
import io.autogpt.seed.core.generate.DatasetShape;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.store.StoreListing;
import io.autogpt.seed.core.store.StoreListingActiveVersion;
import io.autogpt.seed.core.generate.StoreListingFactory;
import io.autogpt.seed.core.store.StoreListingReview;
import io.autogpt.seed.core.generate.StoreListingReviewFactory;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.generate.StoreListingVersionFactory;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.user.LoginAccount;
import io.autogpt.seed.core.user.Profile;
import io.autogpt.seed.core.generate.ProfileFactory;
import io.autogpt.seed.core.user.User;
import io.autogpt.seed.core.generate.UserFactory;
import io.autogpt.seed.core.user.UserOnboarding;
import io.autogpt.seed.core.workspace.UserWorkspace;
import io.autogpt.seed.core.workspace.UserWorkspaceFile;
import io.autogpt.seed.core.workspace.UserWorkspaceFolder;
import io.autogpt.seed.core.chat.ChatMessageFeedback;
import io.autogpt.seed.core.chat.ChatLinkedShare;
import io.autogpt.seed.core.chat.SharedChatFile;
import io.autogpt.seed.core.execution.SharedExecutionFile;
import io.autogpt.seed.core.generate.SharingFactory;
import io.autogpt.seed.core.generate.UserOnboardingFactory;
import io.autogpt.seed.core.chat.ChatMessage;
import io.autogpt.seed.core.chat.ChatSession;
import io.autogpt.seed.core.chat.CoPilotUnderstanding;
import io.autogpt.seed.core.credit.CreditRefundRequest;
import io.autogpt.seed.core.execution.AgentNodeExecutionKeyValueData;
import io.autogpt.seed.core.execution.PendingHumanReview;
import io.autogpt.seed.core.generate.ChatFactory;
import io.autogpt.seed.core.generate.HumanReviewFactory;
import io.autogpt.seed.core.generate.KeyValueFactory;
import io.autogpt.seed.core.generate.NotificationFactory;
import io.autogpt.seed.core.generate.OAuthFactory;
import io.autogpt.seed.core.generate.RefundFactory;
import io.autogpt.seed.core.generate.StoreSearchFactory;
import io.autogpt.seed.core.notification.NotificationEvent;
import io.autogpt.seed.core.notification.UserNotificationBatch;
import io.autogpt.seed.core.oauth.OAuthAccessToken;
import io.autogpt.seed.core.oauth.OAuthApplication;
import io.autogpt.seed.core.oauth.OAuthAuthorizationCode;
import io.autogpt.seed.core.oauth.OAuthRefreshToken;
import io.autogpt.seed.core.search.BuilderSearchHistory;
import io.autogpt.seed.core.search.SearchTerms;
import io.autogpt.seed.core.search.UnifiedContentEmbedding;
import io.autogpt.seed.core.credit.SubscriptionTrial;
import io.autogpt.seed.core.credit.SubscriptionTrialClaim;
import io.autogpt.seed.core.generate.OrganizationFactory;
import io.autogpt.seed.core.generate.SubscriptionTrialFactory;
import io.autogpt.seed.core.org.OrgBalance;
import io.autogpt.seed.core.org.OrgCreditTransaction;
import io.autogpt.seed.core.org.OrgInvitation;
import io.autogpt.seed.core.org.OrgMember;
import io.autogpt.seed.core.org.Organization;
import io.autogpt.seed.core.org.OrganizationProfile;
import io.autogpt.seed.core.org.OrganizationSeatAssignment;
import io.autogpt.seed.core.org.Team;
import io.autogpt.seed.core.org.TeamMember;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The dataset of one {@link SeedPlan}, as one lazy stream per table, in an order every foreign key allows.
 *
 * <p>Nothing is generated until a stream is consumed, and nothing is kept after: memory stays flat however large
 * the plan. Each stream may be consumed any number of times and gives the same rows each time.
 *
 * <p>Not thread-safe (factories reuse a Datafaker instance); to generate on several threads, give each thread its
 * own {@code Dataset} — of the same plan or of {@linkplain SeedPlan#slice slices} — and the rows are the same.
 */
public final class Dataset {
    /**
     * One table of the dataset and a supplier of its rows.
     *
     * @param table the table written
     * @param rows  a fresh, lazy stream of its rows each call
     */
    public record Step<R extends Record>(Table<R> table, Supplier<Stream<R>> rows) {
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
    private final GraphDesigns designs;
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

    public Dataset(SeedPlan plan) {
        this.plan = plan;
        this.shape = new DatasetShape(plan);
        this.users = new UserFactory(shape);
        this.profiles = new ProfileFactory(shape);
        this.onboarding = new UserOnboardingFactory(shape);
        this.blocks = new AgentBlockFactory();
        this.designs = new GraphDesigns(shape);
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
    }

    public SeedPlan plan() {
        return plan;
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
            SharedChatFile.TABLE, SharedExecutionFile.TABLE);

    /**
     * Every table of the plan's rules in write order: parents before children, the listing update after the
     * versions. Under the early-2026 rules, today's tenancy and trial tables are not among them.
     */
    public List<Step<?>> steps() {
        boolean today = plan.rules().atLeast(io.autogpt.seed.core.plan.PlatformRules.SEPTEMBER_2026);
        return allSteps().stream().filter(s -> today || !TODAY_ONLY.contains(s.table())).toList();
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
                    GraphDesign design = designs.of(u, g);
                    return IntStream.range(0, design.nodes().size()).mapToObj(n -> nodes.create(u, g, n, design));
                })),
                step(AgentNodeLink.TABLE, () -> perGraph((u, g) -> {
                    GraphDesign design = designs.of(u, g);
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
                step(OAuthRefreshToken.TABLE, () -> perUser(u -> oauth.refreshTokens(u).stream())));
    }

    /**
     * The step that gives the plan's users login accounts, one per {@code "User"} row of {@link #steps()} and made
     * from it: not among the steps, since only a run that asks for logins writes it, before the users' rows
     * ({@link SeedRunner#withLoginAccounts()}).
     */
    public Step<LoginAccount> loginAccounts() {
        return step(LoginAccount.TABLE, () -> rows(User.TABLE).map(LoginAccount::of));
    }

    /**
     * The rows of {@code table}, as {@link #steps()} would write them: a fresh, lazy stream each call.
     *
     * @throws IllegalArgumentException when the dataset has no such table
     */
    @SuppressWarnings("unchecked")
    public <R extends Record> Stream<R> rows(Table<R> table) {
        return steps().stream().filter(s -> s.table() == table).findFirst()
                .map(s -> ((Step<R>) s).rows().get())
                .orElseThrow(() -> new IllegalArgumentException("the dataset has no table " + table.label()));
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

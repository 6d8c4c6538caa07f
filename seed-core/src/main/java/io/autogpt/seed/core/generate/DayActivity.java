package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.credit.CreditTransactionType;
import io.autogpt.seed.core.credit.UserBalance;
import io.autogpt.seed.core.execution.AgentGraphExecution;
import io.autogpt.seed.core.execution.AgentNodeExecution;
import io.autogpt.seed.core.execution.AgentNodeExecutionInputOutput;
import io.autogpt.seed.core.execution.PendingHumanReview;
import io.autogpt.seed.core.execution.SharedExecutionFile;
import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.notification.NotificationEvent;
import io.autogpt.seed.core.notification.NotificationType;
import io.autogpt.seed.core.notification.UserNotificationBatch;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.AdvanceShape;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.ListedVersion;
import io.autogpt.seed.core.port.UserCredit;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.random.RowFaker;
import io.autogpt.seed.core.store.StoreListingReview;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.datafaker.Faker;

/**
 * What happens on day {@code d} after a seeded dataset's anchor, for the plan's users: the public face of
 * {@code advance} in this package, as {@link DatasetAssembly} is the seeder's. Day {@code d} runs from
 * {@code anchor + (d - 1) days} to {@code anchor + d days}; everything it makes is a pure function of (plan, shape,
 * day) and of the {@link State} the target held before it (balances, reviews), so adding seven days at once or one
 * at a time gives the same rows.
 *
 * <p><b>Ids.</b> A day's runs are {@link Run}s whose ordinal {@code k} lies at {@link #RUN_ORDINALS} + day × 10^6 +
 * i: the seeder's {@code k} never reaches 2^40 (counts are at most {@value io.autogpt.seed.core.plan.ScaleProfile#MAX_PER_PARENT}),
 * so every id of a run, its node executions, inputs, outputs and reviews is drawn from an ordinal path no seeded row
 * and no other day has, through the very factories the seeder uses. Transactions and reviews take ids of streams of
 * their own ({@code "CreditTransaction/advance"}, {@code "StoreListingReview/advance"}) keyed (day, user, i).
 *
 * <p>Not thread-safe (factories reuse a Datafaker instance).
 */
public final class DayActivity {
    /** Where a day's run ordinals start: far above any ordinal the seeder gives. */
    public static final long RUN_ORDINALS = 1L << 40;
    private static final long RUNS_PER_DAY_BLOCK = 1_000_000L;
    /** Review scores 1 to 5, weighted as the platform's updater script weights them (5:10:20:40:25). */
    private static final int[] SCORE_WEIGHTS = {5, 10, 20, 40, 25};

    private final SeedPlan plan;
    private final AdvanceShape advance;
    private final int day;
    private final DatasetShape shape;
    private final LocalDateTime start;
    private final LocalDateTime anchor;
    private final ExecutionTimelines timelines;
    private final AgentGraphExecutionFactory graphExecutions;
    private final AgentNodeExecutionFactory nodeExecutions;
    private final AgentNodeExecutionInputOutputFactory inputsOutputs;
    private final HumanReviewFactory humanReviews;
    private final SharingFactory sharing;
    private final LibraryAgentFactory library;
    private final UserFactory users;
    private final TodaysNotices notices;
    private final RowFaker faker = new RowFaker();
    /** The day's runs per user and their timelines, made once: every table of the day reads them. */
    private final Map<Long, List<Run>> runsByUser = new HashMap<>();
    private final Map<Run, ExecutionTimeline> timelineOf = new HashMap<>();
    /** The day's notices per user, made once: the events and their batches both read them. */
    private final Map<Long, List<NotificationEvent>> noticesOf = new HashMap<>();
    /** The day's credit transactions per user, once {@link #creditTransactions} made them: the low-balance alerts'. */
    private final Map<Long, List<CreditTransaction>> creditOf = new HashMap<>();

    private DayActivity(SeedPlan plan, AdvanceShape advance, int day) {
        if (day < 1) {
            throw new IllegalArgumentException("days are numbered from 1, got " + day);
        }
        this.plan = plan;
        this.advance = advance;
        this.day = day;
        this.shape = new DatasetShape(plan);
        this.start = plan.now().plusDays(day - 1L);
        this.anchor = plan.now().plusDays(day);
        this.timelines = new ExecutionTimelines(shape);
        this.graphExecutions = new AgentGraphExecutionFactory(shape);
        this.nodeExecutions = new AgentNodeExecutionFactory(shape);
        this.inputsOutputs = new AgentNodeExecutionInputOutputFactory(shape);
        this.humanReviews = new HumanReviewFactory(shape);
        this.sharing = new SharingFactory(shape);
        this.library = new LibraryAgentFactory(shape);
        this.users = new UserFactory(shape);
        this.notices = new TodaysNotices(shape);
    }

    /**
     * Day {@code day} of the dataset of {@code plan} (the seeder's plan, with the seeded anchor), at {@code advance}'s
     * volume.
     */
    public static DayActivity of(SeedPlan plan, AdvanceShape advance, int day) {
        return new DayActivity(plan, advance, day);
    }

    /** When the day begins: the anchor before it. */
    public LocalDateTime start() {
        return start;
    }

    /** The day's anchor: nothing it makes lies after it. */
    public LocalDateTime anchor() {
        return anchor;
    }

    public Stream<AgentGraphExecution> graphExecutions() {
        return perRun((run, t) -> Stream.of(graphExecutions.create(run, t)));
    }

    public Stream<AgentNodeExecution> nodeExecutions() {
        return perRun((run, t) -> IntStream.range(0, t.nodes().size()).mapToObj(n -> nodeExecutions.create(run, n, t)));
    }

    public Stream<AgentNodeExecutionInputOutput> inputsOutputs() {
        return perRun((run, t) -> IntStream.range(0, t.nodes().size()).boxed()
                .flatMap(n -> inputsOutputs.create(run, n, t).stream()));
    }

    /** Human reviews: the waiting node of each run the day leaves in review, and the decided ones of finished runs. */
    public Stream<PendingHumanReview> humanReviews() {
        return perRun((run, t) -> humanReviews.review(run, t).stream());
    }

    /** The workspace files shared runs of the day returned, as the seeder allows them. */
    public Stream<SharedExecutionFile> runFiles() {
        return perRun((run, t) -> sharing.runFile(run, t).stream());
    }

    /**
     * The notices the platform files about the day's events. Today's platform alerts a user who keeps alerts on about
     * each run of theirs that failed that day and each usage that took their balance below the warning line, as the
     * seeder alerts on the seeded ones ({@link TodaysNotices}), in the user's {@code ALERT} batch. The platform before
     * it queues an {@code AGENT_RUN} notice for each run that completed (to users who keep {@code notifyOnAgentRun})
     * and a {@code LOW_BALANCE} notice for each usage that took the balance below the line (to users who keep
     * {@code notifyOnLowBalance}), with the seeder's payloads. Each is filed a moment after the run ended or the
     * usage was charged, never after the day's anchor; the balance notices need the day's {@link #creditTransactions}
     * made first.
     */
    public Stream<NotificationEvent> alerts() {
        return users().boxed().flatMap(u -> notices(u).stream());
    }

    /**
     * The batch of each user and type the day's {@link #alerts} go to, spanning them: the seeder's id for the user's
     * batch of that type, so a target holding it already extends it (the platform keeps one batch per user and type).
     */
    public Stream<UserNotificationBatch> alertBatches() {
        return users().boxed().flatMap(u -> {
            Map<NotificationType, LocalDateTime[]> spans = new java.util.EnumMap<>(NotificationType.class);
            for (NotificationEvent e : notices(u)) {
                spans.merge(e.type(), new LocalDateTime[] {e.createdAt(), e.createdAt()}, (a, b) -> new LocalDateTime[] {
                        a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            }
            Tenancy.Placement home = shape.tenancy().personal(u);
            return spans.entrySet().stream().map(s -> new UserNotificationBatch(batchId(u, s.getKey()),
                    s.getValue()[0], s.getValue()[1], shape.userId(u), s.getKey(), home.organizationId(),
                    home.teamId()));
        });
    }

    private List<NotificationEvent> notices(long u) {
        return noticesOf.computeIfAbsent(u, k -> plan.rules().atLeast(PlatformRules.SEPTEMBER_2026) ? alerts(k)
                : earlyNotices(k));
    }

    /** The notices of the rules before today's: a completed run's {@code AGENT_RUN}, a low balance's warning. */
    private List<NotificationEvent> earlyNotices(long u) {
        List<Run> completed = runs(u).stream()
                .filter(run -> timeline(run).status() == AgentExecutionStatus.COMPLETED).toList();
        List<CreditTransaction> low = creditOf.getOrDefault(u, List.of()).stream()
                .filter(TodaysNotices::crossesLowBalance).toList();
        if (completed.isEmpty() && low.isEmpty()) {
            return List.of();
        }
        io.autogpt.seed.core.user.User user = users.create(u);
        Rng rng = shape.rng("advance/notice", day, u);
        List<NotificationEvent> rows = new ArrayList<>();
        if (user.notifyOnAgentRun()) {
            for (Run run : completed) {
                ExecutionTimeline t = timeline(run);
                LocalDateTime ended = Objects.requireNonNull(t.endedAt());
                Json data = Json.of(NotificationFactory.agentRunData(shape, run.owner(), run.g(), t,
                        graphExecutions.cost(run, t), rng));
                rows.add(notice(u, rows.size(), ended, NotificationType.AGENT_RUN, data));
            }
        }
        if (user.notifyOnLowBalance()) {
            for (CreditTransaction t : low) {
                rows.add(notice(u, rows.size(), t.createdAt(), NotificationType.LOW_BALANCE,
                        Json.of(NotificationFactory.lowBalanceData(Objects.requireNonNull(t.runningBalance())))));
            }
        }
        return rows;
    }

    private NotificationEvent notice(long u, int i, LocalDateTime at, NotificationType type, Json data) {
        LocalDateTime when = at.isAfter(anchor) ? anchor : at;
        return new NotificationEvent(shape.id("NotificationEvent/advance", day, u, i), when, when, batchId(u, type),
                type, data);
    }

    private List<NotificationEvent> alerts(long u) {
        List<Run> failed = runs(u).stream()
                .filter(run -> timeline(run).status() == AgentExecutionStatus.FAILED).toList();
        List<CreditTransaction> low = creditOf.getOrDefault(u, List.of()).stream()
                .filter(TodaysNotices::crossesLowBalance).toList();
        if (failed.isEmpty() && low.isEmpty() || !users.create(u).alertsEnabled()) {
            return List.of();
        }
        Rng rng = shape.rng("advance/alert", day, u);
        List<TodaysNotices.Notice> made = new ArrayList<>();
        failed.forEach(run -> made.add(notices.failedRunAlert(u, run, timeline(run), rng)));
        low.forEach(t -> made.add(notices.lowBalance(t, rng)));
        List<NotificationEvent> rows = new ArrayList<>(made.size());
        for (TodaysNotices.Notice notice : made) {
            LocalDateTime at = notice.at().isAfter(anchor) ? anchor : notice.at();
            rows.add(new NotificationEvent(shape.id("NotificationEvent/advance", day, u, rows.size()), at, at,
                    batchId(u, NotificationType.ALERT), NotificationType.ALERT, Json.of(notice.data())));
        }
        return rows;
    }

    /** The id the seeder gives user {@code u}'s batch of {@code type} ({@link NotificationFactory}'s). */
    private String batchId(long u, NotificationType type) {
        return shape.id("UserNotificationBatch", u, type.ordinal());
    }

    /**
     * The day's credit transactions, continuing each user's running balance in {@code state}, which they update:
     * usage for each finished run with a cost (never more than the balance), now and then a top-up or a grant. Times
     * strictly increase per user and follow the last transaction the target holds, whoever wrote it.
     */
    public Stream<CreditTransaction> creditTransactions(State state) {
        return users().boxed().flatMap(u -> {
            List<CreditTransaction> rows = credit(u, state);
            creditOf.put(u, rows);
            return rows.stream();
        });
    }

    /** The balances of the users whose credit moved in {@code state}: the last running balance, at its time. */
    public static Stream<UserBalance> balances(State state) {
        return state.moved.stream().map(id -> {
            UserCredit c = Objects.requireNonNull(state.credit.get(id));
            return new UserBalance(id, c.balance(), Objects.requireNonNull(c.lastAt()));
        });
    }

    /**
     * The day's store reviews: a share of users review an approved version of another user of their cohort that they
     * have not reviewed (the platform keeps one review per user and version), after its approval and their sign-up.
     * {@code state} learns each, so later days do not repeat it.
     */
    public Stream<StoreListingReview> reviews(State state) {
        return users().boxed().flatMap(u -> review(u, state).stream());
    }

    /**
     * The reviewable versions whose {@code isFeatured} flag the store's admins turn today, cohort by cohort in
     * version order (a cohort's draws are its own, so a shard turns what the whole run would).
     */
    public List<String> featureToggles(State state) {
        List<String> out = new ArrayList<>();
        for (long cohort : new java.util.TreeSet<>(state.byCohort.keySet())) {
            Rng rng = shape.rng("advance/featured", day, cohort);
            for (ListedVersion v : state.cohortVersions(cohort)) {
                if (rng.chance(advance.featureShare())) {
                    out.add(v.versionId());
                }
            }
        }
        return out;
    }

    /** When the admins turned today's flags: noon of the day. */
    public LocalDateTime featuredAt() {
        return start.plusHours(12);
    }

    // ---- runs ---------------------------------------------------------------------------------------------

    /** A function of a run and its timeline. */
    @FunctionalInterface
    private interface PerRun<R> {
        Stream<R> rows(Run run, ExecutionTimeline timeline);
    }

    private <R> Stream<R> perRun(PerRun<R> rows) {
        return users().boxed().flatMap(u -> runs(u).stream()).flatMap(run -> rows.rows(run, timeline(run)));
    }

    private ExecutionTimeline timeline(Run run) {
        return timelineOf.computeIfAbsent(run, r -> timelines.of(r, anchor));
    }

    private LongStream users() {
        return LongStream.range(plan.fromUser(), plan.toUser());
    }

    /**
     * User {@code u}'s runs of the day: an active user runs their own graphs and the others' graphs in their library,
     * each created after the day began; a run still going at the day's anchor is one the seeder would leave going.
     */
    List<Run> runs(long u) {
        return runsByUser.computeIfAbsent(u, this::drawRuns);
    }

    private List<Run> drawRuns(long u) {
        Rng rng = shape.rng("advance/runs", day, u);
        if (!rng.chance(advance.activeShare())) {
            return List.of();
        }
        int count = DatasetShape.draw(advance.runsPerActiveUser(), rng);
        List<long[]> choices = new ArrayList<>();
        for (long g = 0; g < shape.graphs(u); g++) {
            choices.add(new long[] {u, g, -1});
        }
        Set<Long> entries = new HashSet<>();
        for (Run r : library.runsOfOthersGraphs(u)) {
            if (entries.add(r.entry())) {
                choices.add(new long[] {r.owner(), r.g(), r.entry()});
            }
        }
        if (choices.isEmpty()) {
            return List.of();
        }
        List<Run> runs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long[] c = choices.get(rng.nextInt(choices.size()));
            runs.add(new Run(u, c[0], c[1], c[2], RUN_ORDINALS + day * RUNS_PER_DAY_BLOCK + i, start));
        }
        return runs;
    }

    // ---- credit -------------------------------------------------------------------------------------------

    /** One movement of credit before it is placed on the user's ledger. */
    private record Movement(LocalDateTime at, CreditTransactionType type, int amount, String reason,
                            String reference) {
    }

    private List<CreditTransaction> credit(long u, State state) {
        String userId = shape.userId(u);
        List<Movement> moves = new ArrayList<>();
        for (Run run : runs(u)) {
            ExecutionTimeline t = timeline(run);
            int cost = graphExecutions.cost(run, t);
            if (cost > 0) {
                moves.add(new Movement(Objects.requireNonNull(t.endedAt()), CreditTransactionType.USAGE, cost,
                        "Ran agent", shape.graphExecutionId(run)));
            }
        }
        Rng rng = shape.rng("advance/credit", day, u);
        if (rng.chance(advance.topUpShare())) {
            moves.add(new Movement(DatasetShape.between(rng, start, anchor), CreditTransactionType.TOP_UP,
                    rng.between(5, 50) * 100, "Top up", ""));
        }
        if (rng.chance(advance.grantShare())) {
            moves.add(new Movement(DatasetShape.between(rng, start, anchor), CreditTransactionType.GRANT,
                    rng.between(1, 10) * 100, "Promotion", ""));
        }
        if (moves.isEmpty()) {
            return List.of();
        }
        moves.sort(Comparator.comparing(Movement::at).thenComparing(m -> m.type().ordinal()));
        UserCredit credit = state.credit.getOrDefault(userId, UserCredit.NONE);
        int balance = credit.balance();
        LocalDateTime last = credit.lastAt();
        List<CreditTransaction> rows = new ArrayList<>();
        int i = 0;
        for (Movement m : moves) {
            // Strictly after the last transaction the target holds (the platform may have written one meanwhile),
            // so the running balance stays well defined; never after the day's anchor.
            LocalDateTime at = last != null && !m.at().isAfter(last) ? last.plus(Duration.ofMillis(1)) : m.at();
            if (at.isAfter(anchor)) {
                continue;
            }
            int amount = m.type() == CreditTransactionType.USAGE ? -Math.min(m.amount(), balance) : m.amount();
            if (amount == 0) {
                continue; // nothing left to charge: the platform stops charging at zero
            }
            balance += amount;
            last = at;
            Json metadata = m.type() == CreditTransactionType.USAGE
                    ? Json.obj("reason", m.reason(), "graph_exec_id", m.reference())
                    : Json.obj("reason", m.reason());
            rows.add(new CreditTransaction(shape.id("CreditTransaction/advance", day, u, i++), at, userId, amount,
                    m.type(), true, metadata, balance));
        }
        if (!rows.isEmpty()) {
            state.credit.put(userId, new UserCredit(balance, last));
            state.moved.add(userId);
        }
        return rows;
    }

    // ---- reviews ------------------------------------------------------------------------------------------

    private java.util.Optional<StoreListingReview> review(long u, State state) {
        Rng rng = shape.rng("advance/review", day, u);
        if (!rng.chance(advance.reviewShare())) {
            return java.util.Optional.empty();
        }
        String userId = shape.userId(u);
        List<ListedVersion> candidates = new ArrayList<>();
        for (ListedVersion v : state.cohortVersions(shape.cohortStart(u))) {
            if (!v.ownerId().equals(userId) && !state.reviewed(v.versionId(), userId)) {
                candidates.add(v);
            }
        }
        if (candidates.isEmpty()) {
            return java.util.Optional.empty();
        }
        ListedVersion v = candidates.get(rng.nextInt(candidates.size()));
        LocalDateTime after = latest(start, v.reviewedAt(), shape.userCreatedAt(u));
        LocalDateTime createdAt = DatasetShape.between(rng, after, anchor);
        Faker f = faker.at(rng);
        int score = score(rng);
        @org.jspecify.annotations.Nullable String comment = rng.chance(0.7) ? f.lorem().sentence(rng.between(6, 18)) : null;
        state.markReviewed(v.versionId(), userId);
        return java.util.Optional.of(new StoreListingReview(shape.id("StoreListingReview/advance", day, u), createdAt,
                DatasetShape.between(rng, createdAt, anchor), v.versionId(), userId, score, comment));
    }

    private static int score(Rng rng) {
        int draw = rng.nextInt(100);
        for (int s = 0; s < SCORE_WEIGHTS.length; s++) {
            draw -= SCORE_WEIGHTS[s];
            if (draw < 0) {
                return s + 1;
            }
        }
        return SCORE_WEIGHTS.length;
    }

    private static LocalDateTime latest(LocalDateTime a, LocalDateTime b, LocalDateTime c) {
        LocalDateTime m = a.isAfter(b) ? a : b;
        return m.isAfter(c) ? m : c;
    }

    /**
     * What the days of one advance carry from one to the next, read from the target once: each user's credit and the
     * store's reviewable versions with their reviewers. Mutable; one per advance of one slice.
     */
    public static final class State {
        private final Map<String, UserCredit> credit;
        private final Set<String> moved = new java.util.TreeSet<>();
        /** Versions by the first user of their owner's cohort, in version id order. */
        private final Map<Long, List<ListedVersion>> byCohort = new HashMap<>();
        private final Set<String> reviewed = new HashSet<>();
        private final Map<String, Long> ordinals = new LinkedHashMap<>();
        private final java.util.function.LongUnaryOperator cohortStart;

        private State(SeedPlan plan, Map<String, UserCredit> credit, List<ListedVersion> versions) {
            this.credit = new HashMap<>(credit);
            DatasetShape shape = new DatasetShape(plan);
            this.cohortStart = shape::cohortStart;
            for (long u = plan.fromUser(); u < plan.toUser(); u++) {
                ordinals.put(shape.userId(u), u);
            }
            versions.stream().sorted(Comparator.comparing(ListedVersion::versionId)).forEach(v -> {
                Long owner = ordinals.get(v.ownerId());
                if (owner != null) {
                    byCohort.computeIfAbsent(shape.cohortStart(owner), k -> new ArrayList<>()).add(v);
                }
                v.reviewers().forEach(r -> reviewed.add(v.versionId() + "/" + r));
            });
        }

        /** The state of {@code plan}'s users as the target holds it. */
        public static State of(SeedPlan plan, Map<String, UserCredit> credit, List<ListedVersion> versions) {
            return new State(plan, credit, versions);
        }

        /** Makes {@code v} (approved on a day of this advance) reviewable from now on, in version id order. */
        public void list(ListedVersion v) {
            Long owner = ordinals.get(v.ownerId());
            if (owner == null) {
                return;
            }
            List<ListedVersion> cohort = byCohort.computeIfAbsent(cohortStart.applyAsLong(owner),
                    k -> new ArrayList<>());
            int at = 0;
            while (at < cohort.size() && cohort.get(at).versionId().compareTo(v.versionId()) < 0) {
                at++;
            }
            cohort.add(at, v);
            v.reviewers().forEach(r -> reviewed.add(v.versionId() + "/" + r));
        }

        List<ListedVersion> cohortVersions(long cohortStart) {
            return byCohort.getOrDefault(cohortStart, List.of());
        }

        boolean reviewed(String versionId, String userId) {
            return reviewed.contains(versionId + "/" + userId);
        }

        void markReviewed(String versionId, String userId) {
            reviewed.add(versionId + "/" + userId);
        }
    }
}

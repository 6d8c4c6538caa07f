package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.credit.CreditRefundRequest;
import io.autogpt.seed.core.credit.CreditRefundRequestStatus;
import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.credit.CreditTransactionType;
import io.autogpt.seed.core.credit.SubscriptionTrial;
import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.notification.NotificationType;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.store.SubmissionStatus;
import io.autogpt.seed.core.user.BriefingFrequency;
import io.autogpt.seed.core.user.SubscriptionTier;
import io.autogpt.seed.core.user.User;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Today's notices of one user (the platform's {@code backend/data/notifications.py} payloads, snake_case, no field
 * the models forbid), each about something of that user that happened before it was sent:
 * <ul>
 * <li>{@code BRIEFING}: the last one at {@code lastBriefingAt}, earlier ones a period apart, never for {@code OFF};
 * each counts the user's runs created in the period before it ({@code period.frequency} names its length: 1, 7 or
 * 30 days), with their failures and the {@code stats.cost} they record.</li>
 * <li>{@code ALERT} (only with {@code alertsEnabled}): the user's latest failed runs, and the moment their balance
 * fell below $5.</li>
 * <li>{@code VERDICT} (only with {@code notifyOnStoreVerdict}): each approved or rejected version of the user's
 * listings, with its reviewer, sent after the review.</li>
 * <li>{@code OPS}: the user's refund request and its decision, as the admins were told.</li>
 * <li>billing notices for paying tiers only: the welcome at {@code welcomeEmailSentAt}, and now and then a failed
 * renewal, a cancellation, its undoing or the end of access; {@code TRIAL_UPDATE} only for users with a trial.</li>
 * </ul>
 * Each kind draws from a stream of its own. Thread-safe.
 */
final class TodaysNotices {
    /** Below this balance (credits, 100 to the dollar) the platform warns. */
    private static final int LOW_BALANCE = 500;
    private static final String APP = "https://platform.agpt.co";
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("dd MMM yyyy 'at' HH:mm 'UTC'",
            Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final List<String> CHANGES = List.of("Add a description of what the agent needs as input",
            "Replace the placeholder images with screenshots of the agent", "Explain which credentials the agent uses",
            "Shorten the sub-heading to one sentence", "Add an example of the agent's output",
            "Remove the personal API key from the instructions");
    private static final List<String> ERRORS = List.of("Request timed out", "Rate limit exceeded (429)",
            "Invalid API key", "The model returned an empty response", "Connection reset by peer");

    /** What a notice says, and when it was queued. */
    record Notice(NotificationType type, SortedMap<String, Object> data, LocalDateTime at) {
    }

    /**
     * A run by the user: of graph {@code g} of {@code owner} (the user's own, or one they added from the store), its
     * execution id, timeline and what it cost.
     */
    private record Run(long owner, int g, String id, ExecutionTimeline timeline, int cost) {
        /** The graph's key among the user's: owner and graph ordinal. */
        String graph() {
            return owner + ":" + g;
        }
    }

    private final DatasetShape shape;
    private final UserFactory users;
    private final ExecutionTimelines timelines;
    private final AgentGraphExecutionFactory executions;
    private final LibraryAgentFactory library;
    private final ListingFacts listings;
    private final StoreListingVersionFactory versions;
    private final StoreListingFactory storeListings;
    private final ProfileFactory profiles;
    private final CreditLedgerFactory credit;
    private final RefundFactory refunds;
    private final SubscriptionTrialFactory trials;

    TodaysNotices(DatasetShape shape) {
        this.shape = shape;
        this.users = new UserFactory(shape);
        this.timelines = new ExecutionTimelines(shape);
        this.executions = new AgentGraphExecutionFactory(shape);
        this.library = new LibraryAgentFactory(shape);
        this.listings = new ListingFacts(shape);
        this.versions = new StoreListingVersionFactory(shape);
        this.storeListings = new StoreListingFactory(shape);
        this.profiles = new ProfileFactory(shape);
        this.credit = new CreditLedgerFactory(shape);
        this.refunds = new RefundFactory(shape);
        this.trials = new SubscriptionTrialFactory(shape);
    }

    List<Notice> of(long u) {
        User user = users.create(u);
        List<Run> runs = runs(u);
        List<CreditTransaction> ledger = credit.transactions(u);
        List<Notice> out = new ArrayList<>();
        briefings(u, user, briefingTimes(u, user), runs, ledger, out);
        if (user.alertsEnabled()) {
            alerts(u, runs, ledger, out);
        }
        if (user.notifyOnStoreVerdict()) {
            verdicts(u, out);
        }
        ops(u, user, ledger, out);
        billing(u, user, out);
        trial(u, user, out);
        return out;
    }

    private List<Run> runs(long u) {
        List<Run> runs = new ArrayList<>();
        for (int g = 0; g < shape.graphs(u); g++) {
            for (int e = 0; e < shape.executions(u, g); e++) {
                io.autogpt.seed.core.generate.Run run = shape.run(u, g, e);
                ExecutionTimeline timeline = timelines.of(run);
                runs.add(new Run(u, g, shape.graphExecutionId(run), timeline, executions.cost(run, timeline)));
            }
        }
        // And the store agents they added and run: the platform's runs by this user, whoever owns the graph.
        for (io.autogpt.seed.core.generate.Run run : library.runsOfOthersGraphs(u)) {
            ExecutionTimeline timeline = timelines.of(run);
            runs.add(new Run(run.owner(), (int) run.g(), shape.graphExecutionId(run), timeline,
                    executions.cost(run, timeline)));
        }
        return runs;
    }

    // --- briefings -------------------------------------------------------------------------------------------

    /**
     * User {@code u}'s briefings alone, as {@link #of} makes them: the feed's briefing rows need nothing else, and the
     * other kinds (verdicts, billing) cost as much again to make.
     */
    List<Notice> briefings(long u) {
        User user = users.create(u);
        List<LocalDateTime> times = briefingTimes(u, user);
        if (times.isEmpty()) {
            return List.of();
        }
        List<Notice> out = new ArrayList<>(times.size());
        briefings(u, user, times, runs(u), credit.transactions(u), out);
        return out;
    }

    /**
     * When user {@code u}'s briefings went out, latest first: the last at {@code lastBriefingAt}, earlier ones a
     * period apart, none before the user joined; none when briefings are off. No run is looked at, so the alerts that
     * only need the dates get them without the briefings' contents.
     */
    List<LocalDateTime> briefingTimes(long u, User user) {
        LocalDateTime last = user.lastBriefingAt();
        if (user.briefingFrequency() == BriefingFrequency.OFF || last == null) {
            return List.of();
        }
        int days = days(user.briefingFrequency());
        // The column says the last one went out; the budget says how many earlier ones the batch still holds.
        int count = Math.max(1, shape.notifications(u));
        LocalDateTime joined = shape.userCreatedAt(u);
        List<LocalDateTime> times = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            LocalDateTime at = last.minusDays((long) k * days);
            if (at.minusDays(days).isBefore(joined)) {
                break;
            }
            times.add(at);
        }
        return times;
    }

    private void briefings(long u, User user, List<LocalDateTime> times, List<Run> runs,
                           List<CreditTransaction> ledger, List<Notice> out) {
        for (LocalDateTime at : times) {
            out.add(briefing(u, user.briefingFrequency(), at, runs, ledger));
        }
    }

    private static int days(BriefingFrequency frequency) {
        return switch (frequency) {
            case DAILY -> 1;
            case WEEKLY -> 7;
            case MONTHLY -> 30;
            case OFF -> throw new IllegalArgumentException("no briefing period for OFF");
        };
    }

    private Notice briefing(long u, BriefingFrequency frequency, LocalDateTime at, List<Run> runs,
                            List<CreditTransaction> ledger) {
        LocalDateTime from = at.minusDays(days(frequency));
        // Per graph: runs, failures and credits of the runs created in the period, in graph order.
        Map<String, int[]> perGraph = new LinkedHashMap<>();
        Map<String, Run> graphs = new java.util.HashMap<>();
        Run latest = null;
        for (Run run : runs) {
            LocalDateTime created = run.timeline().createdAt();
            if (!created.isBefore(from) && created.isBefore(at)) {
                ExecutionTimeline t = run.timeline();
                if (t.status() == AgentExecutionStatus.COMPLETED && Objects.requireNonNull(t.endedAt()).isBefore(at)
                        && (latest == null || t.endedAt().isAfter(latest.timeline().endedAt()))) {
                    latest = run;
                }
                int[] sums = perGraph.computeIfAbsent(run.graph(), g -> new int[3]);
                graphs.putIfAbsent(run.graph(), run);
                sums[0]++;
                sums[1] += run.timeline().status() == AgentExecutionStatus.FAILED ? 1 : 0;
                sums[2] += run.cost();
            }
        }
        int total = 0;
        int failed = 0;
        int credits = 0;
        List<Object> rows = new ArrayList<>();
        List<Object> attention = new ArrayList<>();
        String standout = null;
        int most = 0;
        for (Map.Entry<String, int[]> entry : perGraph.entrySet()) {
            Run of = Objects.requireNonNull(graphs.get(entry.getKey())); // filled with perGraph
            int[] s = entry.getValue();
            String agent = shape.graphName(of.owner(), of.g());
            total += s[0];
            failed += s[1];
            credits += s[2];
            rows.add(Json.map("agent", agent, "runs", s[0], "credits", (double) s[2], "issues_label",
                    s[1] == 0 ? null : s[1] + " failed", "issues_kind", s[1] == 0 ? null : "fail"));
            if (s[1] > 0) {
                attention.add(Json.map("agent", agent, "title", s[1] == 1 ? "1 run failed" : s[1] + " runs failed",
                        "tag", "Failed", "body", agent + " failed " + s[1] + " of " + s[0] + " runs this "
                                + noun(frequency) + ".", "cta_label", "Open agent", "cta_url",
                        builder(of.owner(), of.g())));
            }
            if (s[0] > most) {
                most = s[0];
                standout = agent;
            }
        }
        int idle = 0;
        for (int g = 0; g < shape.graphs(u); g++) {
            if (!perGraph.containsKey(u + ":" + g) && shape.graphCreatedAt(u, g).isBefore(at)) {
                idle++;
            }
        }
        int balance = 0;
        for (CreditTransaction t : ledger) {
            if (t.createdAt().isBefore(at)) {
                balance = Objects.requireNonNull(t.runningBalance());
            }
        }
        SortedMap<String, Object> period = Json.map("label", periodLabel(frequency, from), "noun", noun(frequency),
                "adjective", frequency.name().toLowerCase(Locale.ROOT), "frequency",
                frequency.name().toLowerCase(Locale.ROOT));
        SortedMap<String, Object> totals = Json.map("runs", total, "agents_active", perGraph.size(), "agents_idle",
                idle, "failed", failed, "credits_used", (double) credits, "credits_balance", (double) balance,
                "usd_estimate", credits / 100.0);
        // The period's last finished run stands for what the agents did.
        List<Object> highlights = latest == null ? List.of() : List.of(Json.map("agent",
                shape.graphName(latest.owner(), latest.g()), "gist", "Finished " + latest.timeline().nodes().size()
                        + " steps in " + Duration.between(latest.timeline().startedAt(), latest.timeline().endedAt())
                        .toSeconds() + " s", "link_label", "See the output", "url", builder(latest.owner(), latest.g())
                        + "&flowExecutionID=" + latest.id()));
        boolean quiet = total == 0;
        return new Notice(NotificationType.BRIEFING, Json.map("mode", quiet ? "quiet" : "standard", "period", period,
                "totals", totals, "standout", standout, "subject_note", failed > 0 ? failed + " failed" : null,
                "attention", attention, "highlights", highlights, "ledger", rows, "only_agent",
                perGraph.size() == 1 ? standout : null, "quiet_summary",
                quiet ? "None of your agents ran this " + noun(frequency) + "." : null), at);
    }

    private static String noun(BriefingFrequency frequency) {
        return switch (frequency) {
            case DAILY -> "day";
            case WEEKLY -> "week";
            default -> "month";
        };
    }

    private static String periodLabel(BriefingFrequency frequency, LocalDateTime from) {
        return switch (frequency) {
            case DAILY -> from.format(DAY);
            case WEEKLY -> "Week of " + from.format(DATE);
            default -> "Month to " + from.plusDays(30).format(DATE);
        };
    }

    private String builder(long owner, int g) {
        return APP + "/build?flowID=" + shape.graphId(owner, g);
    }

    // --- alerts ----------------------------------------------------------------------------------------------

    private void alerts(long u, List<Run> runs, List<CreditTransaction> ledger, List<Notice> out) {
        Rng rng = shape.rng("NotificationEvent/alert", u);
        List<Run> failed = new ArrayList<>(runs.stream()
                .filter(r -> r.timeline().status() == AgentExecutionStatus.FAILED).toList());
        failed.sort(Comparator.comparing((Run r) -> r.timeline().endedAt()).reversed());
        for (Run run : failed.subList(0, Math.min(failed.size(), shape.notifications(u)))) {
            out.add(failedRun(u, run, rng));
        }
        // The last time a run's usage took the balance below the warning line.
        CreditTransaction low = null;
        int before = 0;
        for (CreditTransaction t : ledger) {
            if (t.type() == CreditTransactionType.USAGE && before >= LOW_BALANCE
                    && Objects.requireNonNull(t.runningBalance()) < LOW_BALANCE) {
                low = t;
            }
            before = Objects.requireNonNull(t.runningBalance());
        }
        if (low != null) {
            out.add(lowBalance(low, rng));
        }
    }

    /**
     * The warning the platform sends when usage {@code low} took the balance below the line: a moment after it.
     * {@code advance}'s days warn about their own crossings the same way.
     */
    Notice lowBalance(CreditTransaction low, Rng rng) {
        LocalDateTime at = shape.soonAfter(rng, low.createdAt(), Duration.ofMinutes(2));
        String balance = dollars(Objects.requireNonNull(low.runningBalance()));
        return new Notice(NotificationType.ALERT, Json.map("timestamp_label", at.format(LABEL), "primary",
                Json.map("headline", "Your balance is low", "body", "You have " + balance
                                + " of credits left. Agents stop when it reaches $0.00.", "cta_label", "Top up",
                        "cta_url", APP + "/profile/credits", "subject", "Low balance: " + balance + " left",
                        "preheader", "Top up to keep your agents running", "microcopy", null, "facts",
                        List.of(Json.map("label", "Balance", "value", balance))),
                "also", List.of(), "also_label", null), at);
    }

    /** Whether usage {@code t} took its user's balance from at least the warning line to below it. */
    static boolean crossesLowBalance(CreditTransaction t) {
        int after = Objects.requireNonNull(t.runningBalance());
        return t.type() == CreditTransactionType.USAGE && after < LOW_BALANCE && after - t.amount() >= LOW_BALANCE;
    }

    /**
     * The alert the platform sends user {@code u} about a failed run of theirs, as {@link #of} makes it for the
     * seeded runs: {@code advance}'s days alert on their own failed runs the same way.
     */
    Notice failedRunAlert(long u, io.autogpt.seed.core.generate.Run run, ExecutionTimeline timeline, Rng rng) {
        return failedRun(u, new Run(run.owner(), (int) run.g(), shape.graphExecutionId(run), timeline, 0), rng);
    }

    private Notice failedRun(long u, Run run, Rng rng) {
        ExecutionTimeline timeline = run.timeline();
        GraphDesign design = shape.design(run.owner(), run.g());
        String block = "a block";
        for (int n = 0; n < timeline.nodes().size(); n++) {
            if (timeline.nodes().get(n).status() == AgentExecutionStatus.FAILED) {
                block = design.nodes().get(n).block().name();
            }
        }
        String agent = shape.graphName(run.owner(), run.g());
        String execution = run.id();
        LocalDateTime at = shape.soonAfter(rng, Objects.requireNonNull(timeline.endedAt()), Duration.ofMinutes(2));
        String error = rng.pick(ERRORS);
        return new Notice(NotificationType.ALERT, Json.map("timestamp_label",
                Objects.requireNonNull(timeline.endedAt()).format(LABEL),
                "primary", Json.map("headline", agent + " failed", "body", "The run stopped at " + block + ": "
                                + error + ".", "cta_label", "Open run", "cta_url", builder(run.owner(), run.g())
                                + "&flowExecutionID=" + execution, "subject", agent + " failed",
                        "preheader", error, "microcopy", null, "facts", List.of(Json.map("label", "Agent", "value",
                                agent), Json.map("label", "Failed at", "value", block), Json.map("label", "Run",
                                "value", execution))), "also", List.of(), "also_label", null), at);
    }

    // --- verdicts --------------------------------------------------------------------------------------------

    private void verdicts(long u, List<Notice> out) {
        Rng rng = shape.rng("NotificationEvent/verdict", u);
        for (int g = 0; g < shape.graphs(u); g++) {
            SubmissionStatus status = listings.status(u, g);
            if (status != SubmissionStatus.APPROVED && status != SubmissionStatus.REJECTED) {
                continue;
            }
            StoreListingVersion version = versions.create(u, g);
            out.add(verdict(u, version, reviewer(u, Objects.requireNonNull(version.reviewerId())),
                    storeListings.create(u, g).slug(), rng, shape.now()));
        }
    }

    /**
     * The verdict on {@code version} (approved or rejected, reviewed) of user {@code u}'s listing with {@code slug},
     * by user {@code reviewer}: sent within half an hour of the review, never after {@code latest}.
     */
    Notice verdict(long u, StoreListingVersion version, long reviewer, String slug, Rng rng, LocalDateTime latest) {
        boolean approved = version.submissionStatus() == SubmissionStatus.APPROVED;
        String store = APP + "/marketplace/agent/" + profiles.username(u) + "/" + slug;
        List<String> changes = new ArrayList<>();
        if (!approved) {
            int n = rng.between(1, 3);
            for (int i = 0; i < n; i++) {
                String change = rng.pick(CHANGES);
                if (!changes.contains(change)) {
                    changes.add(change);
                }
            }
        }
        LocalDateTime reviewedAt = Objects.requireNonNull(version.reviewedAt());
        LocalDateTime soon = reviewedAt.plus(Duration.ofMinutes(30));
        return new Notice(NotificationType.VERDICT, Json.map("outcome", approved ? "approved" : "changes",
                "agent_name", version.name(), "version", version.version(), "reviewer_name",
                users.name(reviewer), "reviewed_at_label", reviewedAt.format(LABEL), "comments",
                version.reviewComments() == null ? "" : version.reviewComments(), "changes", changes,
                "closing_note", approved ? "Thanks for sharing it with the community." : null,
                "store_url", approved ? store : null, "share_url", approved ? store : null,
                "resubmit_url", approved ? null : APP + "/profile/dashboard"),
                DatasetShape.between(rng, reviewedAt, soon.isAfter(latest) ? latest : soon));
    }

    /** The ordinal of the reviewer a version names: a user of the owner's cohort, found by id. */
    private long reviewer(long u, String reviewerId) {
        long start = shape.cohortStart(u);
        for (long v = start; v < start + shape.cohortSize(u); v++) {
            if (shape.userId(v).equals(reviewerId)) {
                return v;
            }
        }
        throw new IllegalStateException("the reviewer of a listing of user " + u + " is not in its cohort");
    }

    // --- refunds (to the admins, about this user) ------------------------------------------------------------

    private void ops(long u, User user, List<CreditTransaction> ledger, List<Notice> out) {
        if (refunds.request(u).isEmpty()) {
            return;
        }
        CreditRefundRequest r = refunds.request(u).get();
        Rng rng = shape.rng("NotificationEvent/ops", u);
        out.add(opsNotice(u, user, r, ledger, "request", shape.soonAfter(rng, r.createdAt(), Duration.ofMinutes(1))));
        if (r.status() != CreditRefundRequestStatus.PENDING) {
            out.add(opsNotice(u, user, r, ledger, "processed",
                    shape.soonAfter(rng, r.updatedAt(), Duration.ofMinutes(1))));
        }
    }

    private Notice opsNotice(long u, User user, CreditRefundRequest r, List<CreditTransaction> ledger, String kind,
                             LocalDateTime at) {
        int balance = 0;
        for (CreditTransaction t : ledger) {
            if (!t.createdAt().isAfter(at)) {
                balance = Objects.requireNonNull(t.runningBalance());
            }
        }
        boolean processed = kind.equals("processed");
        return new Notice(NotificationType.OPS, Json.map("kind", kind, "user_name", users.name(u), "user_email",
                user.email(), "user_id", user.id(), "transaction_id", r.transactionKey(), "refund_request_id", r.id(),
                "amount_cents", r.amount(), "balance_cents", balance, "reason", r.reason(), "recipient",
                "refunds@agpt.co", "stripe_url", "https://dashboard.stripe.com/search?query=" + r.transactionKey(),
                "admin_url", APP + "/admin/spending?search=" + user.email(), "age_label", null,
                "requested_at_label", r.createdAt().format(LABEL), "processed_at_label",
                processed ? r.updatedAt().format(LABEL) : null), at);
    }

    // --- subscriptions and trials ----------------------------------------------------------------------------

    private void billing(long u, User user, List<Notice> out) {
        LocalDateTime welcomed = user.welcomeEmailSentAt();
        SubscriptionTier tier = user.subscriptionTier();
        // A welcome is sent once, on a first paid plan; without one the user never paid, so there is nothing to bill.
        if (welcomed == null || tier == SubscriptionTier.NO_TIER || tier == SubscriptionTier.TRIAL
                || tier == SubscriptionTier.ENTERPRISE) {
            return;
        }
        Rng rng = shape.rng("NotificationEvent/billing", u);
        boolean yearly = rng.chance(0.2);
        int cents = monthlyCents(tier) * (yearly ? 10 : 1);
        SortedMap<String, Object> plan = plan(tier, yearly, cents);
        String name = users.name(u);
        out.add(new Notice(NotificationType.SUBSCRIPTION_WELCOME, Json.map("user_name", name, "plan", plan,
                "renews_label", renewal(welcomed, yearly, 1).format(DATE)), welcomed));
        List<LocalDateTime> renewals = new ArrayList<>();
        for (int k = 1; renewal(welcomed, yearly, k).isBefore(shape.now()); k++) {
            renewals.add(renewal(welcomed, yearly, k));
        }
        LocalDateTime calm = welcomed;
        if (!renewals.isEmpty() && rng.chance(0.15)) {
            // A renewal the card declined; Stripe retried and the payment went through in the end.
            LocalDateTime due = rng.pick(renewals);
            LocalDateTime failed = shape.soonAfter(rng, due, Duration.ofHours(1));
            out.add(new Notice(NotificationType.PAYMENT_FAILED, Json.map("user_name", name, "plan", plan,
                    "amount_display", dollars(cents), "card", Json.map("brand", rng.pick(List.of("visa",
                            "mastercard", "amex")), "last4", String.format(Locale.ROOT, "%04d", rng.nextInt(10_000))),
                    "next_retry_label", failed.plusDays(3).format(DATE)), failed));
            calm = failed;
            LocalDateTime last = due.plusDays(7);
            if (last.isBefore(shape.now()) && rng.chance(0.4)) {
                LocalDateTime notice = shape.soonAfter(rng, last, Duration.ofHours(1));
                out.add(new Notice(NotificationType.PAYMENT_FINAL_NOTICE, Json.map("user_name", name, "plan", plan,
                        "amount_display", dollars(cents), "pauses_label", due.plusDays(14).format(DATE)), notice));
                calm = notice;
            }
        }
        if (rng.chance(0.12) && calm.isBefore(shape.now())) {
            // Cancelled at the period's end: access runs to the next renewal; undone, or ended and later taken again.
            LocalDateTime cancelled = DatasetShape.between(rng, calm, shape.now());
            int k = 1;
            while (!renewal(welcomed, yearly, k).isAfter(cancelled)) {
                k++;
            }
            LocalDateTime until = renewal(welcomed, yearly, k);
            out.add(new Notice(NotificationType.SUBSCRIPTION_CANCELLED, Json.map("user_name", name, "plan", plan,
                    "access_until_label", until.format(DATE)), cancelled));
            boolean resumed = rng.chance(0.5);
            if (resumed) {
                LocalDateTime back = DatasetShape.between(rng, cancelled,
                        until.isBefore(shape.now()) ? until : shape.now());
                out.add(new Notice(NotificationType.SUBSCRIPTION_RESUMED, Json.map("user_name", name, "plan", plan,
                        "renews_label", until.format(DATE)), back));
            } else if (until.isBefore(shape.now())) {
                out.add(new Notice(NotificationType.SUBSCRIPTION_ENDED, Json.map("user_name", name, "plan", plan,
                        "ended_label", until.format(DATE), "due_to_payment", false), until));
            }
        }
    }

    private static LocalDateTime renewal(LocalDateTime start, boolean yearly, int k) {
        return yearly ? start.plusYears(k) : start.plusMonths(k);
    }

    /** The list price of a tier, in cents a month (the trial offers' prices; Business unconfirmed). */
    private static int monthlyCents(SubscriptionTier tier) {
        return switch (tier) {
            case BASIC -> 900;
            case PRO -> 2900;
            case MAX -> 9900;
            default -> 29900;
        };
    }

    private static SortedMap<String, Object> plan(SubscriptionTier tier, boolean yearly, int cents) {
        String name = tier.name().charAt(0) + tier.name().substring(1).toLowerCase(Locale.ROOT);
        String cycle = yearly ? "yearly" : "monthly";
        String noun = yearly ? "year" : "month";
        return Json.map("name", name, "cycle", cycle, "cycle_noun", noun, "label", name + " — " + cycle,
                "price_display", dollars(cents) + " / " + noun);
    }

    private void trial(long u, User user, List<Notice> out) {
        if (trials.trial(u).isEmpty()) {
            return;
        }
        SubscriptionTrial trial = trials.trial(u).get();
        Rng rng = shape.rng("NotificationEvent/trial", u);
        SubscriptionTier tier = SubscriptionTier.valueOf(field(trial.offer(), "tier"));
        SortedMap<String, Object> plan = plan(tier, false, Integer.parseInt(field(trial.offer(), "unit_amount")));
        LocalDateTime started = Objects.requireNonNull(trial.startedAt());
        LocalDateTime ends = Objects.requireNonNull(trial.endsAt());
        out.add(trialNotice(u, trial, plan, "started", shape.soonAfter(rng, started, Duration.ofMinutes(2))));
        if (trial.cancelAtPeriodEnd()) {
            out.add(trialNotice(u, trial, plan, "canceled", DatasetShape.between(rng, started, shape.now())));
        }
        LocalDateTime ending = ends.minusDays(3);
        if (ending.isBefore(shape.now())) {
            out.add(trialNotice(u, trial, plan, "ending", shape.soonAfter(rng, ending, Duration.ofMinutes(10))));
        }
    }

    private Notice trialNotice(long u, SubscriptionTrial trial, SortedMap<String, Object> plan, String kind,
                               LocalDateTime at) {
        return new Notice(NotificationType.TRIAL_UPDATE, Json.map("user_name", users.name(u), "plan", plan, "kind",
                kind, "ends_label", Objects.requireNonNull(trial.endsAt()).format(LABEL), "onboarding_credit_amount",
                Integer.parseInt(field(trial.offer(), "onboarding_credit_amount")), "offer_version",
                field(trial.offer(), "version"), "notice_key", "trial:" + trial.id() + ":" + kind), at);
    }

    /** A top-level scalar of a canonical JSON object (sorted keys, no spaces), as text. */
    private static String field(Json json, String key) {
        String text = json.text();
        int at = text.indexOf("\"" + key + "\":");
        if (at < 0) {
            throw new IllegalStateException("no " + key + " in " + text);
        }
        int from = at + key.length() + 3;
        int to = from;
        while (to < text.length() && text.charAt(to) != ',' && text.charAt(to) != '}') {
            to++;
        }
        return text.substring(from, to).replace("\"", "");
    }

    private static String dollars(int cents) {
        return String.format(Locale.ROOT, "$%d.%02d", cents / 100, Math.abs(cents % 100));
    }
}

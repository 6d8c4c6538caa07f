package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.credit.CreditRefundRequest;
import io.autogpt.seed.core.credit.CreditRefundRequestStatus;
import io.autogpt.seed.core.credit.UserBalance;
import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.notification.NotificationEvent;
import io.autogpt.seed.core.notification.NotificationType;
import io.autogpt.seed.core.notification.UserNotificationBatch;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.store.StoreListingVersion;
import io.autogpt.seed.core.store.SubmissionStatus;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * Makes a user's waiting notifications ({@code "NotificationEvent"}) and the batches holding them
 * ({@code "UserNotificationBatch"}, one per user and type, as the platform batches them). Each event's data has the
 * fields of the platform's model for its type and is about something real of that user, after it happened: an
 * agent-run notice names a completed run of the user's graph (its node count and duration), a failed-block notice
 * the failed node of a failed run, an approval or rejection the user's listing version and its reviewer, a refund
 * notice the user's decided refund request. When the drawn type has nothing to be about, the event is a low-balance
 * notice with the user's balance. Under today's rules the types are today's (briefings, alerts, verdicts, refund
 * notices to the admins, billing and trial notices), made by {@link TodaysNotices} from the user's settings, runs,
 * listings, ledger, tier and trial. Thread-safe.
 */
final class NotificationFactory {
    private static final NotificationType[] TYPES = {NotificationType.AGENT_RUN, NotificationType.AGENT_RUN,
            NotificationType.AGENT_RUN, NotificationType.AGENT_RUN, NotificationType.BLOCK_EXECUTION_FAILED,
            NotificationType.LOW_BALANCE, NotificationType.ZERO_BALANCE, NotificationType.DAILY_SUMMARY,
            NotificationType.WEEKLY_SUMMARY, NotificationType.MONTHLY_SUMMARY, NotificationType.AGENT_APPROVED,
            NotificationType.AGENT_REJECTED, NotificationType.REFUND_PROCESSED};
    private static final String BILLING = "https://platform.agpt.co/profile/credits";
    /** How many runs an event looks at for one of the status it is about before it gives up. */
    private static final int TRIES = 8;

    private final DatasetShape shape;
    private final ExecutionTimelines timelines;
    private final ListingFacts listings;
    private final StoreListingVersionFactory versions;
    private final RefundFactory refunds;
    private final CreditLedgerFactory credit;
    private final UserFactory users;
    private final PersonNames names;
    private final TodaysNotices today;

    public NotificationFactory(DatasetShape shape) {
        this.shape = shape;
        this.timelines = new ExecutionTimelines(shape);
        this.listings = new ListingFacts(shape);
        this.versions = new StoreListingVersionFactory(shape);
        this.refunds = new RefundFactory(shape);
        this.credit = new CreditLedgerFactory(shape);
        this.users = new UserFactory(shape);
        this.names = new PersonNames(shape);
        this.today = new TodaysNotices(shape);
    }

    /** The user's batches: one per type of their events, spanning those events' times. */
    public List<UserNotificationBatch> batches(long u) {
        Map<NotificationType, LocalDateTime[]> spans = new LinkedHashMap<>();
        // Today's events are the notices, each created when queued: their types and times, without the events' ids
        // and JSON.
        boolean today = shape.rules().atLeast(PlatformRules.SEPTEMBER_2026);
        List<NotificationType> types = new ArrayList<>();
        List<LocalDateTime> times = new ArrayList<>();
        if (today) {
            for (TodaysNotices.Notice notice : this.today.of(u)) {
                types.add(notice.type());
                times.add(notice.at());
            }
        } else {
            for (NotificationEvent event : events(u)) {
                types.add(event.type());
                times.add(event.createdAt());
            }
        }
        for (int i = 0; i < types.size(); i++) {
            LocalDateTime at = times.get(i);
            spans.merge(types.get(i), new LocalDateTime[] {at, at}, (a, b) ->
                    new LocalDateTime[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        List<UserNotificationBatch> rows = new ArrayList<>();
        // The platform files its own notices under the user's personal organisation and its Default team.
        Tenancy.Placement home = shape.tenancy().personal(u);
        spans.forEach((type, span) -> rows.add(new UserNotificationBatch(batchId(u, type), span[0], span[1],
                shape.userId(u), type, home.organizationId(), home.teamId())));
        return rows;
    }

    public List<NotificationEvent> events(long u) {
        if (shape.rules().atLeast(PlatformRules.SEPTEMBER_2026)) {
            List<TodaysNotices.Notice> notices = today.of(u);
            List<NotificationEvent> rows = new ArrayList<>(notices.size());
            for (int i = 0; i < notices.size(); i++) {
                TodaysNotices.Notice notice = notices.get(i);
                rows.add(new NotificationEvent(shape.id("NotificationEvent", u, i), notice.at(), notice.at(),
                        batchId(u, notice.type()), notice.type(), Json.of(notice.data())));
            }
            return rows;
        }
        int count = shape.notifications(u);
        List<NotificationEvent> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Rng rng = shape.rng("NotificationEvent", u, i);
            NotificationType type = TYPES[rng.nextInt(TYPES.length)];
            Optional<Event> about = switch (type) {
                case AGENT_RUN -> agentRun(u, rng);
                case BLOCK_EXECUTION_FAILED -> failedBlock(u, rng);
                case AGENT_APPROVED -> listingDecision(u, rng, SubmissionStatus.APPROVED);
                case AGENT_REJECTED -> listingDecision(u, rng, SubmissionStatus.REJECTED);
                case REFUND_PROCESSED -> refundProcessed(u, rng);
                case ZERO_BALANCE -> zeroBalance(u, rng);
                case DAILY_SUMMARY, WEEKLY_SUMMARY, MONTHLY_SUMMARY -> Optional.of(summary(u, rng, type));
                default -> Optional.empty();
            };
            Event event = about.orElseGet(() -> lowBalance(u));
            LocalDateTime at = shape.soonAfter(rng, event.after(), Duration.ofMinutes(30));
            rows.add(new NotificationEvent(shape.id("NotificationEvent", u, i), at, at,
                    batchId(u, event.type()), event.type(), Json.of(event.data())));
        }
        return rows;
    }

    /** What an event says, and the moment after which it can be sent. */
    private record Event(NotificationType type, SortedMap<String, Object> data, LocalDateTime after) {
    }

    private String batchId(long u, NotificationType type) {
        return shape.id("UserNotificationBatch", u, type.ordinal());
    }

    /** A run of the user's with this status, as (graph, execution), or null after a few misses. */
    private long @Nullable [] run(long u, Rng rng, AgentExecutionStatus status) {
        int graphs = shape.graphs(u);
        for (int t = 0; t < TRIES && graphs > 0; t++) {
            int g = rng.nextInt(graphs);
            int executions = shape.executions(u, g);
            if (executions > 0) {
                int e = rng.nextInt(executions);
                if (timelines.of(u, g, e).status() == status) {
                    return new long[] {g, e};
                }
            }
        }
        return null;
    }

    private Optional<Event> agentRun(long u, Rng rng) {
        long[] run = run(u, rng, AgentExecutionStatus.COMPLETED);
        if (run == null) {
            return Optional.empty();
        }
        ExecutionTimeline timeline = timelines.of(u, run[0], run[1]);
        int credits = rng.between(0, 50);
        return Optional.of(new Event(NotificationType.AGENT_RUN,
                agentRunData(shape, u, run[0], timeline, credits, rng), Objects.requireNonNull(timeline.endedAt())));
    }

    /**
     * The platform's {@code AgentRunData} of a completed run of graph {@code (owner, g)} that cost {@code credits};
     * its output's text is drawn from {@code rng}. Shared with {@code advance}'s notices.
     */
    static SortedMap<String, Object> agentRunData(DatasetShape shape, long owner, long g, ExecutionTimeline timeline,
                                                  int credits, Rng rng) {
        double seconds = Duration.between(timeline.startedAt(), timeline.endedAt()).toMillis() / 1000.0;
        return Json.map("agent_name", shape.graphName(owner, g), "credits_used", (double) credits,
                "execution_time", seconds, "node_count", timeline.nodes().size(), "graph_id", shape.graphId(owner, g),
                "outputs", List.of(Json.map("name", "output", "value", "Finished " + rng.hex(6))));
    }

    /** The platform's {@code LowBalanceData} for a balance of {@code balance} cents. Shared with {@code advance}. */
    static SortedMap<String, Object> lowBalanceData(int balance) {
        return Json.map("current_balance", (double) balance, "billing_page_link", BILLING);
    }

    private Optional<Event> failedBlock(long u, Rng rng) {
        long[] run = run(u, rng, AgentExecutionStatus.FAILED);
        if (run == null) {
            return Optional.empty();
        }
        ExecutionTimeline timeline = timelines.of(u, run[0], run[1]);
        GraphDesign design = shape.design(u, run[0]);
        for (int n = 0; n < timeline.nodes().size(); n++) {
            if (timeline.nodes().get(n).status() == AgentExecutionStatus.FAILED) {
                return Optional.of(new Event(NotificationType.BLOCK_EXECUTION_FAILED, Json.map(
                        "block_name", design.nodes().get(n).block().name(),
                        "block_id", design.nodes().get(n).block().id(), "error_message", "Request timed out",
                        "graph_id", shape.graphId(u, run[0]), "node_id", shape.nodeId(u, run[0], n),
                        "execution_id", shape.graphExecutionId(u, run[0], run[1])),
                        Objects.requireNonNull(timeline.endedAt())));
            }
        }
        return Optional.empty();
    }

    private Optional<Event> listingDecision(long u, Rng rng, SubmissionStatus decided) {
        int graphs = shape.graphs(u);
        for (int t = 0; t < TRIES && graphs > 0; t++) {
            int g = rng.nextInt(graphs);
            if (listings.status(u, g) == decided) {
                StoreListingVersion version = versions.create(u, g);
                long reviewer = reviewerOrdinal(u, Objects.requireNonNull(version.reviewerId()));
                SortedMap<String, Object> data = decision(version, reviewer);
                return Optional.of(new Event(decided == SubmissionStatus.APPROVED ? NotificationType.AGENT_APPROVED
                        : NotificationType.AGENT_REJECTED, data, Objects.requireNonNull(version.reviewedAt())));
            }
        }
        return Optional.empty();
    }

    /**
     * What an approval or rejection of {@code version} (reviewed) by user {@code reviewer} says, under the rules
     * before today's.
     */
    SortedMap<String, Object> decision(StoreListingVersion version, long reviewer) {
        return Json.map("agent_name", version.name(), "agent_id", version.agentGraphId(),
                "agent_version", version.agentGraphVersion(), "reviewer_name", names.of(reviewer).full(),
                "reviewer_email", users.email(reviewer), "comments",
                version.reviewComments() == null ? "" : version.reviewComments(),
                "reviewed_at", iso(Objects.requireNonNull(version.reviewedAt())),
                "store_url", "https://platform.agpt.co/marketplace/agent/" + version.storeListingId());
    }

    /** The ordinal of the reviewer the version names: a user of the owner's cohort, found by id. */
    private long reviewerOrdinal(long u, String reviewerId) {
        long start = shape.cohortStart(u);
        for (long v = start; v < start + shape.cohortSize(u); v++) {
            if (shape.userId(v).equals(reviewerId)) {
                return v;
            }
        }
        throw new IllegalStateException("the reviewer of a listing of user " + u + " is not in its cohort");
    }

    private Optional<Event> refundProcessed(long u, Rng rng) {
        Optional<CreditRefundRequest> request = refunds.request(u);
        if (request.isEmpty() || request.get().status() == CreditRefundRequestStatus.PENDING) {
            return Optional.empty();
        }
        CreditRefundRequest r = request.get();
        return Optional.of(new Event(NotificationType.REFUND_PROCESSED, Json.map("user_id", shape.userId(u),
                "user_name", names.of(u).full(), "user_email", users.email(u), "transaction_id", r.transactionKey(),
                "refund_request_id", r.id(), "reason", r.reason(), "amount", (double) r.amount(),
                "balance", credit.balance(u).balance()), r.updatedAt()));
    }

    private Optional<Event> zeroBalance(long u, Rng rng) {
        if (shape.graphs(u) == 0) {
            return Optional.empty();
        }
        int g = rng.nextInt(shape.graphs(u));
        return Optional.of(new Event(NotificationType.ZERO_BALANCE, Json.map("agent_name", shape.graphName(u, g),
                "current_balance", 0.0, "billing_page_link", BILLING, "shortfall", (double) rng.between(1, 500)),
                shape.graphCreatedAt(u, g)));
    }

    private Event lowBalance(long u) {
        UserBalance balance = credit.balance(u);
        return new Event(NotificationType.LOW_BALANCE, lowBalanceData(balance.balance()), balance.updatedAt());
    }

    private Event summary(long u, Rng rng, NotificationType type) {
        LocalDateTime end = DatasetShape.between(rng, shape.userCreatedAt(u), shape.now());
        int runs = rng.between(0, 40);
        int failed = runs == 0 ? 0 : rng.nextInt(runs / 4 + 1);
        double time = runs * (double) rng.between(5, 120);
        SortedMap<String, Object> data = Json.map("total_credits_used", (double) runs * rng.between(1, 5),
                "total_executions", runs, "most_used_agent", shape.graphs(u) > 0
                        ? shape.graphName(u, rng.nextInt(shape.graphs(u))) : "none",
                "total_execution_time", time, "successful_runs", runs - failed, "failed_runs", failed,
                "average_execution_time", runs == 0 ? 0.0 : time / runs, "cost_breakdown", Map.of());
        switch (type) {
            case DAILY_SUMMARY -> data.put("date", iso(end.toLocalDate().atStartOfDay()));
            case WEEKLY_SUMMARY -> {
                data.put("start_date", iso(end.minusDays(7)));
                data.put("end_date", iso(end));
            }
            default -> {
                // The platform's monthly model is the month alone.
                return new Event(type, Json.map("month", end.getMonthValue(), "year", end.getYear()), end);
            }
        }
        return new Event(type, data, end);
    }

    private static String iso(LocalDateTime t) {
        return t + "Z";
    }
}

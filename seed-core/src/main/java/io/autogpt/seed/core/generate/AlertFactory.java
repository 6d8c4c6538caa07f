package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.alert.AlertCause;
import io.autogpt.seed.core.alert.AlertCondition;
import io.autogpt.seed.core.alert.AlertConditionStatus;
import io.autogpt.seed.core.alert.PushSubscription;
import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.credit.CreditTransactionType;
import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.user.User;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Today's alerts of one user: an {@code "AlertCondition"} per problem their runs and balance raised (only with
 * {@code alertsEnabled}), under the platform's stable keys, so each problem is one row however often it recurred:
 * <ul>
 * <li>{@code BLOCK_FAILED}, key {@code block_failed:<graph id>}: a graph with failed runs; raised at the first
 * failure, updated at the last; resolved by a later completed run of the graph, else emailed ({@code SENT}) or folded
 * into a briefing ({@code DEFERRED}).</li>
 * <li>{@code LOW_BALANCE} ({@code low_balance}) and {@code ZERO_BALANCE} ({@code zero_balance}): the last time a
 * run's usage took the balance below $5 or to nothing; resolved by a later top-up above the line.</li>
 * </ul>
 * {@code briefedAt} is the first of the user's briefings after the condition's last update. And the browsers the
 * user subscribed to push notices. Under the early rules, no rows. Thread-safe.
 */
final class AlertFactory {
    /** Below this balance (credits, 100 to the dollar) the platform warns. */
    private static final int LOW_BALANCE = 500;
    private static final List<String> USER_AGENTS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 "
                    + "Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/140.0.0.0 Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:142.0) Gecko/20100101 Firefox/142.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 "
                    + "Safari/605.1.15");

    private final DatasetShape shape;
    private final UserFactory users;
    private final UserRuns runs;
    private final CreditLedgerFactory credit;
    private final TodaysNotices notices;

    AlertFactory(DatasetShape shape) {
        this.shape = shape;
        this.users = new UserFactory(shape);
        this.runs = new UserRuns(shape);
        this.credit = new CreditLedgerFactory(shape);
        this.notices = new TodaysNotices(shape);
    }

    private boolean enabled() {
        return shape.rules().atLeast(PlatformRules.SEPTEMBER_2026);
    }

    List<AlertCondition> conditions(long u) {
        if (!enabled()) {
            return List.of();
        }
        User user = users.create(u);
        if (!user.alertsEnabled()) {
            return List.of();
        }
        List<LocalDateTime> briefings = notices.briefingTimes(u, user).stream().sorted().toList();
        List<AlertCondition> rows = new ArrayList<>();
        // Per graph, in the order the user first ran it: its finished runs, in end order.
        Map<String, List<UserRuns.Timed>> byGraph = new LinkedHashMap<>();
        for (UserRuns.Timed t : runs.of(u)) {
            if (t.timeline().endedAt() != null) {
                byGraph.computeIfAbsent(shape.graphId(t.run().owner(), t.run().g()), k -> new ArrayList<>()).add(t);
            }
        }
        int k = 0;
        for (Map.Entry<String, List<UserRuns.Timed>> graph : byGraph.entrySet()) {
            List<UserRuns.Timed> finished = new ArrayList<>(graph.getValue());
            finished.sort(java.util.Comparator.comparing(t -> Objects.requireNonNull(t.timeline().endedAt())));
            List<UserRuns.Timed> failed = finished.stream()
                    .filter(t -> t.timeline().status() == AgentExecutionStatus.FAILED).toList();
            if (failed.isEmpty()) {
                continue;
            }
            UserRuns.Timed first = failed.get(0);
            UserRuns.Timed last = failed.get(failed.size() - 1);
            LocalDateTime raised = Objects.requireNonNull(first.timeline().endedAt());
            LocalDateTime updated = Objects.requireNonNull(last.timeline().endedAt());
            LocalDateTime fixed = finished.stream().filter(t -> t.timeline().status() == AgentExecutionStatus.COMPLETED)
                    .map(t -> Objects.requireNonNull(t.timeline().endedAt())).filter(e -> e.isAfter(updated))
                    .findFirst().orElse(null);
            Json data = Json.obj("graph_id", graph.getKey(), "graph_exec_id", shape.graphExecutionId(last.run()),
                    "agent_name", shape.graphName(last.run().owner(), last.run().g()), "failures", failed.size());
            rows.add(condition(u, k++, AlertCause.BLOCK_FAILED, "block_failed:" + graph.getKey(), data, raised,
                    updated, fixed, briefings));
        }
        // The balance: the last usage that took it below the line, and whether it hit zero.
        CreditTransaction low = null;
        int before = 0;
        List<CreditTransaction> ledger = credit.transactions(u);
        for (CreditTransaction t : ledger) {
            int after = Objects.requireNonNull(t.runningBalance());
            if (t.type() == CreditTransactionType.USAGE && before >= LOW_BALANCE && after < LOW_BALANCE) {
                low = t;
            }
            before = after;
        }
        if (low != null) {
            LocalDateTime at = low.createdAt();
            LocalDateTime toppedUp = ledger.stream().filter(t -> t.createdAt().isAfter(at)
                    && Objects.requireNonNull(t.runningBalance()) >= LOW_BALANCE).map(CreditTransaction::createdAt)
                    .findFirst().orElse(null);
            int balance = Objects.requireNonNull(low.runningBalance());
            boolean zero = balance == 0;
            rows.add(condition(u, k, zero ? AlertCause.ZERO_BALANCE : AlertCause.LOW_BALANCE,
                    zero ? "zero_balance" : "low_balance", Json.obj("balance", balance, "threshold", LOW_BALANCE,
                            "transaction_key", low.transactionKey()), at, at, toppedUp, briefings));
        }
        return rows;
    }

    private AlertCondition condition(long u, int k, AlertCause cause, String key, Json data, LocalDateTime raised,
                                     LocalDateTime updated, @Nullable LocalDateTime fixed,
                                     List<LocalDateTime> briefings) {
        Rng rng = shape.rng("AlertCondition", u, k);
        // Emailed after the debounce window, unless the cap folded it into the next briefing.
        boolean mailed = rng.chance(0.75);
        LocalDateTime sent = mailed ? shape.soonAfter(rng, updated, Duration.ofMinutes(15)) : null;
        AlertConditionStatus status = fixed != null ? AlertConditionStatus.RESOLVED
                : mailed ? AlertConditionStatus.SENT : AlertConditionStatus.DEFERRED;
        LocalDateTime briefed = briefings.stream().filter(b -> b.isAfter(updated)
                && (fixed == null || b.isBefore(fixed))).findFirst().orElse(null);
        LocalDateTime last = fixed != null ? fixed : sent != null ? sent : updated;
        return new AlertCondition(shape.id("AlertCondition", u, k), raised, last, shape.userId(u), cause, key, data,
                status, sent, fixed, briefed);
    }

    /** The browsers user {@code u} turned push notices on in: a quarter of users, one or two each. */
    List<PushSubscription> subscriptions(long u) {
        if (!enabled()) {
            return List.of();
        }
        Rng rng = shape.rng("PushSubscription", u);
        if (!rng.chance(0.25)) {
            return List.of();
        }
        int count = rng.chance(0.7) ? 1 : 2;
        List<PushSubscription> rows = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            Rng r = shape.rng("PushSubscription", u, s);
            String agent = r.pick(USER_AGENTS);
            boolean firefox = agent.contains("Firefox");
            boolean safari = agent.contains("Version/");
            String endpoint = firefox ? "https://updates.push.services.mozilla.com/wpush/v2/" + r.urlSafe(160)
                    : safari ? "https://web.push.apple.com/" + r.urlSafe(120)
                    : "https://fcm.googleapis.com/fcm/send/" + r.urlSafe(11) + ":APA91b" + r.urlSafe(134);
            LocalDateTime created = DatasetShape.between(r, shape.userCreatedAt(u), shape.now());
            // An uncompressed P-256 point (0x04, then x and y) and a 16-byte secret, as browsers hand them over.
            byte[] point = bytes(r, 65);
            point[0] = 4;
            int fails = r.chance(0.15) ? r.between(1, 3) : 0;
            LocalDateTime failedAt = fails > 0 ? DatasetShape.between(r, created, shape.now()) : null;
            rows.add(new PushSubscription(shape.id("PushSubscription", u, s), created,
                    failedAt != null ? failedAt : created, shape.userId(u), endpoint, base64(point),
                    base64(bytes(r, 16)), agent, fails, failedAt));
        }
        return rows;
    }

    private static byte[] bytes(Rng rng, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) rng.nextInt(256);
        }
        return out;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package io.autogpt.seed.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.credit.CreditTransaction;
import io.autogpt.seed.core.credit.CreditTransactionType;
import io.autogpt.seed.core.execution.AgentGraphExecution;
import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.execution.AgentNodeExecution;
import io.autogpt.seed.core.notification.NotificationEvent;
import io.autogpt.seed.core.notification.NotificationType;
import io.autogpt.seed.core.notification.UserNotificationBatch;
import io.autogpt.seed.core.plan.AdvanceShape;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.UserCredit;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DayActivityTest {
    private static final SeedPlan PLAN = SeedPlan.of(42, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().toBuilder().users(40).build()).withRules(PlatformRules.SEPTEMBER_2026);
    /** Busier than the default, so a small plan has plenty of every kind of row. */
    private static final AdvanceShape BUSY = new AdvanceShape(0.8, new IntRange(1, 3), 0.5, 0.3, 0.2, 0.1);

    @Test
    void aDayIsTheSameRowsEveryTimeItIsMade() {
        assertThat(DayActivity.of(PLAN, BUSY, 3).nodeExecutions().toList())
                .isEqualTo(DayActivity.of(PLAN, BUSY, 3).nodeExecutions().toList()).isNotEmpty();
    }

    @Test
    void aDaysIdsMeetNoSeededIdAndNoOtherDays() {
        Set<String> seeded = DatasetAssembly.of(PLAN).rows(AgentGraphExecution.TABLE).map(AgentGraphExecution::id)
                .collect(Collectors.toSet());
        Set<String> day1 = DayActivity.of(PLAN, BUSY, 1).graphExecutions().map(AgentGraphExecution::id)
                .collect(Collectors.toSet());
        Set<String> day2 = DayActivity.of(PLAN, BUSY, 2).graphExecutions().map(AgentGraphExecution::id)
                .collect(Collectors.toSet());
        assertThat(day1).isNotEmpty().doesNotContainAnyElementsOf(seeded).doesNotContainAnyElementsOf(day2);
        assertThat(DayActivity.of(PLAN, BUSY, 1).nodeExecutions().map(AgentNodeExecution::id))
                .doesNotHaveDuplicates();
    }

    @Test
    void everythingOfADayLiesInsideIt() {
        DayActivity day = DayActivity.of(PLAN, BUSY, 5);
        LocalDateTime start = LocalDateTime.parse("2025-06-05T00:00:00");
        LocalDateTime end = LocalDateTime.parse("2025-06-06T00:00:00");
        assertThat(day.start()).isEqualTo(start);
        assertThat(day.anchor()).isEqualTo(end);
        assertThat(day.graphExecutions()).allSatisfy(e -> {
            assertThat(e.createdAt()).isAfterOrEqualTo(start);
            assertThat(e.updatedAt()).isBeforeOrEqualTo(end);
        });
    }

    @Test
    void creditContinuesEachUsersBalanceAndNeverGoesBelowZero() {
        DatasetShape shape = new DatasetShape(PLAN);
        Map<String, UserCredit> held = new HashMap<>();
        LocalDateTime last = LocalDateTime.parse("2025-05-31T23:59:00");
        for (long u = 0; u < 40; u++) {
            held.put(shape.userId(u), new UserCredit((int) (u * 37 % 500), last));
        }
        DayActivity.State state = DayActivity.State.of(PLAN, held, List.of());
        List<CreditTransaction> rows = DayActivity.of(PLAN, BUSY, 1).creditTransactions(state).toList();
        assertThat(rows).extracting(CreditTransaction::type).contains(CreditTransactionType.USAGE,
                CreditTransactionType.TOP_UP, CreditTransactionType.GRANT);
        Map<String, Integer> balance = new HashMap<>();
        held.forEach((id, c) -> balance.put(id, c.balance()));
        for (CreditTransaction t : rows) {
            int now = balance.merge(t.userId(), t.amount(), Integer::sum);
            assertThat(t.runningBalance()).as(t.transactionKey()).isEqualTo(now).isNotNegative();
            assertThat(t.createdAt()).isAfter(last);
            if (t.type() != CreditTransactionType.USAGE) {
                assertThat(t.amount()).isPositive();
            }
        }
        assertThat(DayActivity.balances(state).toList()).allSatisfy(b ->
                assertThat(b.balance()).isEqualTo(balance.get(b.userId())));
    }

    @Test
    void aDaysAlertsNameItsFailedRunsOfUsersWithAlertsOnInTheirBatch() {
        DayActivity day = DayActivity.of(PLAN, BUSY, 4);
        UserFactory users = new UserFactory(new DatasetShape(PLAN));
        Map<String, Boolean> alertsOn = new HashMap<>();
        for (long u = 0; u < 40; u++) {
            alertsOn.put(new DatasetShape(PLAN).userId(u), users.create(u).alertsEnabled());
        }
        // Each failed run of the day whose runner keeps alerts on, by id, and who ran it.
        Map<String, String> failed = day.graphExecutions()
                .filter(e -> e.executionStatus() == AgentExecutionStatus.FAILED && alertsOn.get(e.userId()))
                .collect(Collectors.toMap(AgentGraphExecution::id, AgentGraphExecution::userId));
        List<NotificationEvent> alerts = day.alerts().toList();
        Map<String, UserNotificationBatch> batches = day.alertBatches()
                .collect(Collectors.toMap(UserNotificationBatch::id, b -> b));
        assertThat(failed).isNotEmpty();
        assertThat(alerts).hasSize(failed.size()).allSatisfy(v -> {
            assertThat(v.type()).isEqualTo(NotificationType.ALERT);
            assertThat(v.createdAt()).isAfterOrEqualTo(day.start()).isBeforeOrEqualTo(day.anchor());
            String run = failed.keySet().stream().filter(id -> v.data().toString().contains(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("an alert about no failed run of the day: " + v.data()));
            UserNotificationBatch batch = batches.get(v.userNotificationBatchId());
            assertThat(batch).isNotNull();
            assertThat(batch.userId()).isEqualTo(failed.get(run));
            assertThat(v.createdAt()).isBetween(batch.createdAt(), batch.updatedAt());
        });
    }

    @Test
    void theEarlierPlatformNotifiesEachCompletedRunInsteadOfAlerting() {
        SeedPlan early = PLAN.withRules(PlatformRules.EARLY_2026);
        DayActivity day = DayActivity.of(early, BUSY, 4);
        UserFactory users = new UserFactory(new DatasetShape(early));
        Map<String, Boolean> notified = new HashMap<>();
        for (long u = 0; u < 40; u++) {
            notified.put(new DatasetShape(early).userId(u), users.create(u).notifyOnAgentRun());
        }
        Map<String, AgentGraphExecution> completed = day.graphExecutions()
                .filter(e -> e.executionStatus() == AgentExecutionStatus.COMPLETED && notified.get(e.userId()))
                .collect(Collectors.toMap(AgentGraphExecution::id, e -> e));
        Map<String, UserNotificationBatch> batches = day.alertBatches()
                .collect(Collectors.toMap(UserNotificationBatch::id, b -> b));
        List<NotificationEvent> runs = day.alerts().filter(v -> v.type() == NotificationType.AGENT_RUN).toList();
        assertThat(completed).isNotEmpty();
        assertThat(day.alerts()).noneMatch(v -> v.type() == NotificationType.ALERT);
        assertThat(runs).hasSize(completed.size()).allSatisfy(v -> {
            UserNotificationBatch batch = batches.get(v.userNotificationBatchId());
            assertThat(batch).isNotNull();
            assertThat(batch.type()).isEqualTo(NotificationType.AGENT_RUN);
            assertThat(v.createdAt()).isBetween(batch.createdAt(), batch.updatedAt()).isBeforeOrEqualTo(day.anchor());
            assertThat(completed.values()).anySatisfy(e -> {
                assertThat(e.userId()).isEqualTo(batch.userId());
                assertThat(e.endedAt()).isEqualTo(v.createdAt());
                assertThat(v.data().toString()).contains(e.agentGraphId());
            });
        });
    }

    @Test
    void aUsageThatTakesABalanceBelowTheLineIsAlertedOn() {
        DatasetShape shape = new DatasetShape(PLAN);
        UserFactory users = new UserFactory(shape);
        Map<String, UserCredit> held = new HashMap<>();
        for (long u = 0; u < 40; u++) {
            held.put(shape.userId(u), new UserCredit(520, LocalDateTime.parse("2025-05-31T23:59:00")));
        }
        DayActivity day = DayActivity.of(PLAN, BUSY, 2);
        List<CreditTransaction> credit = day.creditTransactions(DayActivity.State.of(PLAN, held, List.of())).toList();
        Map<String, Long> crossings = new HashMap<>();
        for (long u = 0; u < 40; u++) {
            String id = shape.userId(u);
            if (users.create(u).alertsEnabled()) {
                crossings.put(id, credit.stream().filter(t -> t.userId().equals(id))
                        .filter(TodaysNotices::crossesLowBalance).count());
            }
        }
        assertThat(crossings.values().stream().mapToLong(Long::longValue).sum()).isPositive();
        Map<String, String> owner = day.alertBatches()
                .collect(Collectors.toMap(UserNotificationBatch::id, UserNotificationBatch::userId));
        Map<String, Long> warned = day.alerts().filter(v -> v.data().toString().contains("Your balance is low"))
                .collect(Collectors.groupingBy(v -> owner.get(v.userNotificationBatchId()), Collectors.counting()));
        crossings.values().removeIf(n -> n == 0);
        assertThat(warned).isEqualTo(crossings);
    }
}

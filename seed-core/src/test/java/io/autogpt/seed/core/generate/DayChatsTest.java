package io.autogpt.seed.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.chat.ChatMessage;
import io.autogpt.seed.core.chat.ChatSession;
import io.autogpt.seed.core.cost.PlatformCostLog;
import io.autogpt.seed.core.plan.ActivityProfile;
import io.autogpt.seed.core.plan.AdvanceShape;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.search.BuilderSearchHistory;
import io.autogpt.seed.core.search.SearchTerms;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DayChatsTest {
    private static final SeedPlan PLAN = SeedPlan.of(42, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().toBuilder().users(40).build()).withRules(PlatformRules.SEPTEMBER_2026);
    private static final AdvanceShape BUSY = new AdvanceShape(0.8, new IntRange(1, 3), 0.5, 0.3, 0.2, 0.1,
            AdvanceShape.STANDARD_SIGN_UP_SHARE, new AdvanceShape.StoreDays(0.01, 0.3, 0.8, 0.01, 0.6, 0.6));

    private static DayChats chats(SeedPlan plan, int day) {
        return DayChats.of(DayActivity.of(plan, BUSY, day), plan, BUSY, day);
    }

    @Test
    void onlyUsersWhoRanSomethingChatAndSearchWithinTheDay() {
        DayActivity activity = DayActivity.of(PLAN, BUSY, 2);
        DayChats day = DayChats.of(activity, PLAN, BUSY, 2);
        DatasetShape shape = new DatasetShape(PLAN);
        Set<String> active = new java.util.HashSet<>();
        for (long u = 0; u < 40; u++) {
            if (!activity.runs(u).isEmpty()) {
                active.add(shape.userId(u));
            }
        }
        List<ChatSession> sessions = day.sessions().toList();
        assertThat(sessions).isNotEmpty().allSatisfy(s -> {
            assertThat(active).contains(s.userId());
            assertThat(s.createdAt()).isAfterOrEqualTo(activity.start());
            assertThat(s.updatedAt()).isBeforeOrEqualTo(activity.anchor());
        });
        assertThat(day.messages()).allSatisfy(m -> assertThat(m.createdAt())
                .isBetween(activity.start(), activity.anchor()));
        assertThat(day.builderSearches()).isNotEmpty().allSatisfy(b -> {
            assertThat(active).contains(b.userId());
            assertThat(b.createdAt()).isBetween(activity.start(), activity.anchor());
        });
    }

    @Test
    void aSessionsTokensAreTheSumOfItsCostLogs() {
        DayChats day = chats(PLAN, 3);
        Map<String, int[]> logged = new HashMap<>();
        for (PlatformCostLog c : day.costLogs().toList()) {
            int[] t = logged.computeIfAbsent(java.util.Objects.requireNonNull(c.chatSessionId()), k -> new int[2]);
            t[0] += c.inputTokens();
            t[1] += c.outputTokens();
        }
        List<ChatSession> sessions = day.sessions().toList();
        assertThat(sessions).isNotEmpty().allSatisfy(s -> {
            assertThat(logged.get(s.id())).containsExactly(s.totalPromptTokens(), s.totalCompletionTokens());
        });
        assertThat(chats(PLAN.withRules(PlatformRules.EARLY_2026), 3).costLogs()).isEmpty();
    }

    @Test
    void aDaysIdsMeetNoSeededIdAndNoOtherDays() {
        Set<String> seeded = DatasetAssembly.of(PLAN).rows(ChatMessage.TABLE).map(ChatMessage::id)
                .collect(Collectors.toSet());
        Set<String> day1 = chats(PLAN, 1).messages().map(ChatMessage::id).collect(Collectors.toSet());
        Set<String> day2 = chats(PLAN, 2).messages().map(ChatMessage::id).collect(Collectors.toSet());
        assertThat(day1).isNotEmpty().doesNotContainAnyElementsOf(seeded).doesNotContainAnyElementsOf(day2);
    }

    @Test
    void storeSearchesContinueTheUsersBlockOfIdsAndStopWhenItIsFull() {
        DatasetShape shape = new DatasetShape(PLAN);
        Map<Long, Integer> logged = new HashMap<>();
        for (long u = 0; u < 40; u++) {
            logged.put(u, u % 2 == 0 ? 3 : ActivityProfile.MAX_STORE_SEARCHES);
        }
        Map<Long, Integer> before = Map.copyOf(logged);
        List<SearchTerms> rows = chats(PLAN, 1).storeSearches(logged).toList();
        assertThat(rows).isNotEmpty();
        for (long u = 0; u < 40; u++) {
            long first = shape.searchTermId(u, before.get(u));
            long last = shape.searchTermId(u, 0) + ActivityProfile.MAX_STORE_SEARCHES;
            long mine = rows.stream().filter(r -> r.id() >= first && r.id() < last).count();
            assertThat(logged.get(u) - before.get(u)).isEqualTo((int) mine);
            if (u % 2 == 1) {
                assertThat(mine).isZero();
            }
        }
        assertThat(rows).extracting(SearchTerms::id).doesNotHaveDuplicates();
        // The next day goes on from there.
        List<SearchTerms> next = chats(PLAN, 2).storeSearches(logged).toList();
        assertThat(next).extracting(SearchTerms::id).doesNotContainAnyElementsOf(rows.stream().map(SearchTerms::id)
                .toList());
        assertThat(chats(PLAN, 1).builderSearches().map(BuilderSearchHistory::id)).doesNotHaveDuplicates();
    }
}

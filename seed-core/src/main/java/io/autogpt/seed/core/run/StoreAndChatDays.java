package io.autogpt.seed.core.run;

import io.autogpt.seed.core.chat.ChatMessage;
import io.autogpt.seed.core.chat.ChatSession;
import io.autogpt.seed.core.cost.PlatformCostLog;
import io.autogpt.seed.core.generate.DayActivity;
import io.autogpt.seed.core.generate.DayChats;
import io.autogpt.seed.core.generate.DayStore;
import io.autogpt.seed.core.notification.NotificationEvent;
import io.autogpt.seed.core.notification.UserNotificationBatch;
import io.autogpt.seed.core.port.AdvanceTransaction;
import io.autogpt.seed.core.port.ListedVersion;
import io.autogpt.seed.core.port.StoreVerdict;
import io.autogpt.seed.core.search.BuilderSearchHistory;
import io.autogpt.seed.core.search.SearchTerms;
import io.autogpt.seed.core.search.UnifiedContentEmbedding;
import io.autogpt.seed.core.store.StoreListingReview;
import io.autogpt.seed.core.store.StoreListingVersion;
import java.util.List;
import java.util.Map;

/**
 * The steps of a day of {@link AdvanceRunner} for the store's versions ({@link DayStore}) and the chats and searches
 * ({@link DayChats}), in the order their rows depend on each other; tables the target lacks are skipped.
 */
final class StoreAndChatDays {
    private StoreAndChatDays() {
    }

    /**
     * The store's day: decisions, then new versions, then new categories, the embeddings and verdicts they bring;
     * the day's approvals become reviewable in {@code reviewable}. Before the day's user reviews.
     *
     * @param rows learns the rows written per table
     * @return the rows written and what the day did to existing versions
     */
    static StoreDay store(AdvanceTransaction tx, Map<String, Long> rows, DayStore store, DayStore.State state,
                          DayActivity.State reviewable) {
        long written = 0;
        List<StoreVerdict> verdicts = store.verdicts(state);
        tx.store().decide(verdicts);
        long approved = verdicts.stream().filter(StoreVerdict::approved).count();
        written += AdvanceRunner.write(tx, rows, StoreListingVersion.TABLE, () -> store.submissions(state));
        long recategorised = tx.store().recategorise(store.recategorisations(state));
        if (tx.hasTable(UnifiedContentEmbedding.TABLE.name())) {
            written += AdvanceRunner.write(tx, rows, UnifiedContentEmbedding.TABLE, store::embeddings);
        }
        if (tx.hasTable(NotificationEvent.TABLE.name()) && tx.hasTable(UserNotificationBatch.TABLE.name())) {
            List<NotificationEvent> events = store.verdictNotices(state);
            long filed = tx.fileNotices(store.verdictBatches(state, events), events);
            rows.merge(NotificationEvent.TABLE.name(), filed, Long::sum);
            written += filed;
        }
        written += AdvanceRunner.write(tx, rows, StoreListingReview.TABLE, store::firstReviews);
        for (ListedVersion v : store.approved()) {
            reviewable.list(v);
        }
        return new StoreDay(written, new AdvanceReport.StoreMoves(approved, verdicts.size() - approved, recategorised));
    }

    /** What {@link #store} did: rows written, and the updates of existing versions. */
    record StoreDay(long written, AdvanceReport.StoreMoves moves) {
    }

    /**
     * The day's chats with their cost logs, and its store and builder searches; {@code logged} learns the searches.
     *
     * @return rows written
     */
    static long chats(AdvanceTransaction tx, Map<String, Long> rows, DayChats chats, Map<Long, Integer> logged) {
        long written = 0;
        if (tx.hasTable(ChatSession.TABLE.name()) && tx.hasTable(ChatMessage.TABLE.name())) {
            written += AdvanceRunner.write(tx, rows, ChatSession.TABLE, chats::sessions);
            written += AdvanceRunner.write(tx, rows, ChatMessage.TABLE, chats::messages);
            if (tx.hasTable(PlatformCostLog.TABLE.name())) {
                written += AdvanceRunner.write(tx, rows, PlatformCostLog.TABLE, chats::costLogs);
            }
        }
        if (tx.hasTable(SearchTerms.TABLE.name())) {
            written += AdvanceRunner.write(tx, rows, SearchTerms.TABLE, () -> chats.storeSearches(logged));
        }
        if (tx.hasTable(BuilderSearchHistory.TABLE.name())) {
            written += AdvanceRunner.write(tx, rows, BuilderSearchHistory.TABLE, chats::builderSearches);
        }
        return written;
    }
}

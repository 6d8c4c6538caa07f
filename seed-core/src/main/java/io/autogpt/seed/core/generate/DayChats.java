package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.chat.ChatMessage;
import io.autogpt.seed.core.chat.ChatSession;
import io.autogpt.seed.core.chat.ChatSessionStatus;
import io.autogpt.seed.core.cost.PlatformCostLog;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.ActivityProfile;
import io.autogpt.seed.core.plan.AdvanceShape;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.search.BuilderSearchHistory;
import io.autogpt.seed.core.search.SearchTerms;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The CoPilot chats and searches of day {@code d} of {@code advance}: the day's active users (those who ran something,
 * {@link DayActivity}) now and then chat ({@code "ChatSession"}, {@code "ChatMessage"} in the seeder's shape: an ask,
 * sometimes tool calls answered by one tool message each, then the answer; on today's platform a
 * {@code "PlatformCostLog"} per model call, adding up to the session's tokens, as {@link CostLogFactory} logs them)
 * and search the store ({@code "SearchTerms"}) and the builder ({@code "BuilderSearchHistory"}).
 *
 * <p><b>Ids.</b> Chats, messages, logs and builder searches take ids of streams of their own keyed (day, user, i).
 * Store searches name no user, so a reset finds them by id: a user's continue the block of ids the seeder gave the
 * user's searches ({@link io.autogpt.seed.core.run.Dataset#searchTermIds}), after those the target holds, and stop
 * when the block is full.
 *
 * <p>Not thread-safe.
 */
public final class DayChats {
    private final SeedPlan plan;
    private final AdvanceShape.StoreDays shape;
    private final int day;
    private final DatasetShape dataset;
    private final DayActivity activity;
    private final LocalDateTime start;
    private final LocalDateTime anchor;
    private final StoreSearchFactory searches;
    /** The day's chats per user (none for most), drawn once: sessions, messages and logs read them. */
    private final Map<Long, List<Chat>> chats = new HashMap<>();

    /** One chat of the day: its session and messages, and the model calls the logs bill. */
    private record Chat(ChatSession session, List<ChatMessage> messages, List<ChatFactory.Turn> turns, String[] path) {
    }

    private DayChats(DayActivity activity, SeedPlan plan, AdvanceShape advance, int day) {
        this.plan = plan;
        this.shape = advance.store();
        this.day = day;
        this.dataset = new DatasetShape(plan);
        this.activity = activity;
        this.start = activity.start();
        this.anchor = activity.anchor();
        this.searches = new StoreSearchFactory(dataset);
    }

    /** The chats and searches of {@code activity}'s day, whose active users they are. */
    public static DayChats of(DayActivity activity, SeedPlan plan, AdvanceShape advance, int day) {
        return new DayChats(activity, plan, advance, day);
    }

    private LongStream active() {
        return LongStream.range(plan.fromUser(), plan.toUser()).filter(u -> !activity.runs(u).isEmpty());
    }

    public Stream<ChatSession> sessions() {
        return active().boxed().flatMap(u -> chats(u).stream()).map(Chat::session);
    }

    public Stream<ChatMessage> messages() {
        return active().boxed().flatMap(u -> chats(u).stream()).flatMap(c -> c.messages().stream());
    }

    /** Today's platform logs each model call of a chat; earlier rules log nothing. */
    public Stream<PlatformCostLog> costLogs() {
        if (!plan.rules().atLeast(PlatformRules.SEPTEMBER_2026)) {
            return Stream.empty();
        }
        return active().boxed().flatMap(u -> {
            List<PlatformCostLog> rows = new ArrayList<>();
            List<Chat> mine = chats(u);
            for (int c = 0; c < mine.size(); c++) {
                Chat chat = mine.get(c);
                for (int t = 0; t < chat.turns().size(); t++) {
                    rows.add(CostLogFactory.turnCost(dataset.id("PlatformCostLog/advance", day, u, c, t),
                            dataset.userId(u), chat.session().id(), chat.path(), chat.turns().get(t),
                            dataset.rng("advance/PlatformCostLog", day, u, c, t)));
                }
            }
            return rows.stream();
        });
    }

    private List<Chat> chats(long u) {
        return chats.computeIfAbsent(u, this::drawChats);
    }

    private List<Chat> drawChats(long u) {
        Rng rng = dataset.rng("advance/chat", day, u);
        if (!rng.chance(shape.chatShare())) {
            return List.of();
        }
        String session = dataset.id("ChatSession/advance", day, u, 0);
        int turns = rng.between(1, 3);
        LocalDateTime at = DatasetShape.between(rng, start, anchor.minusHours(1));
        List<ChatMessage> out = new ArrayList<>();
        List<ChatFactory.Turn> calls = new ArrayList<>();
        int prompt = 0;
        int completion = 0;
        for (int turn = 0; turn < turns; turn++) {
            at = soon(rng, at.plusSeconds(5), Duration.ofMinutes(10));
            String topic = rng.pick(AgentVocabulary.STORE_CATEGORIES);
            out.add(new ChatMessage(dataset.id("ChatMessage/advance", day, u, 0, out.size()), at, session, "user",
                    String.format(rng.pick(ChatFactory.ASKS), topic), null, null, null, null, null, out.size(), null));
            if (rng.chance(0.5)) {
                String tool = rng.pick(ChatFactory.TOOLS.stream().filter(t -> !t.equals("run_agent")).toList());
                String callId = "call_" + rng.urlSafe(24).replace('-', 'x').replace('_', 'y');
                at = soon(rng, at.plusNanos(1_000_000), Duration.ofSeconds(20));
                int[] tokens = ChatFactory.tokens(rng, out.size());
                prompt += tokens[0];
                completion += tokens[1];
                out.add(new ChatMessage(dataset.id("ChatMessage/advance", day, u, 0, out.size()), at, session,
                        "assistant", null, null, null, null, Json.of(List.of(Json.map("id", callId, "type",
                        "function", "function", Json.map("name", tool, "arguments",
                                Json.obj("query", topic).text())))), null, out.size(), rng.between(300, 4_000)));
                calls.add(new ChatFactory.Turn(out.get(out.size() - 1), tokens[0], tokens[1]));
                at = soon(rng, at.plusNanos(1_000_000), Duration.ofSeconds(5));
                out.add(new ChatMessage(dataset.id("ChatMessage/advance", day, u, 0, out.size()), at, session, "tool",
                        Json.obj("type", "search_results", "query", topic, "count", rng.between(0, 8)).text(), null,
                        callId, null, null, null, out.size(), null));
            }
            at = soon(rng, at.plusNanos(1_000_000), Duration.ofSeconds(30));
            int[] tokens = ChatFactory.tokens(rng, out.size());
            prompt += tokens[0];
            completion += tokens[1];
            out.add(new ChatMessage(dataset.id("ChatMessage/advance", day, u, 0, out.size()), at, session,
                    "assistant", rng.pick(ChatFactory.ANSWERS), null, null, null, null, null, out.size(),
                    rng.between(500, 9_000)));
            calls.add(new ChatFactory.Turn(out.get(out.size() - 1), tokens[0], tokens[1]));
        }
        LocalDateTime created = out.get(0).createdAt();
        String title = rng.pick(AgentVocabulary.GRAPH_SUBJECTS) + " "
                + rng.pick(List.of("automation", "ideas", "agent", "help", "workflow"));
        Tenancy.Placement where = dataset.tenancy().placement(u, created,
                dataset.rng("advance/tenancy/ChatSession", day, u, 0));
        ChatSession chat = new ChatSession(session, created, out.get(out.size() - 1).createdAt(), dataset.userId(u),
                title, Json.EMPTY_OBJECT, Json.EMPTY_OBJECT, Json.EMPTY_OBJECT, prompt, completion, Json.EMPTY_OBJECT,
                ChatSessionStatus.idle, false, null, false, null, null, false, where.organizationId(), where.teamId(),
                where.visibility());
        return List.of(new Chat(chat, List.copyOf(out), List.copyOf(calls),
                CostLogFactory.path(dataset.rng("advance/PlatformCostLog/path", day, u, 0))));
    }

    /** A moment soon after {@code from}, never after the day's anchor. */
    private LocalDateTime soon(Rng rng, LocalDateTime from, Duration span) {
        LocalDateTime to = from.plus(span);
        return DatasetShape.between(rng, from, to.isAfter(anchor) ? anchor : to);
    }

    /**
     * The day's store searches: an active user searches one to three times with the search share, each taking the
     * next id of the user's block after the {@code logged} searches the target holds (by user ordinal), which learn
     * them.
     */
    public Stream<SearchTerms> storeSearches(Map<Long, Integer> logged) {
        int perUser = ActivityProfile.MAX_STORE_SEARCHES;
        return active().boxed().flatMap(u -> {
            Rng rng = dataset.rng("advance/SearchTerms", day, u);
            if (!rng.chance(shape.searchShare())) {
                return Stream.empty();
            }
            int n = rng.between(1, 3);
            int next = logged.getOrDefault(u, 0);
            List<SearchTerms> rows = new ArrayList<>(n);
            for (int i = 0; i < n && next < perUser; i++, next++) {
                rows.add(new SearchTerms(dataset.searchTermId(u, next), DatasetShape.between(rng, start, anchor),
                        StoreSearchFactory.term(rng)));
            }
            if (!rows.isEmpty()) {
                logged.put(u, next);
            }
            return rows.stream();
        });
    }

    /** The day's builder searches: an active user searches blocks once or twice with the search share. */
    public Stream<BuilderSearchHistory> builderSearches() {
        return active().boxed().flatMap(u -> {
            Rng rng = dataset.rng("advance/BuilderSearchHistory", day, u);
            if (!rng.chance(shape.searchShare())) {
                return Stream.empty();
            }
            int n = rng.between(1, 2);
            List<BuilderSearchHistory> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(searches.builderSearch(u, dataset.id("BuilderSearchHistory/advance", day, u, i), rng, start,
                        anchor));
            }
            return rows.stream();
        });
    }

    /** Logged searches by user ordinal, as a mutable map the days update. */
    public static Map<Long, Integer> logged(Map<Long, Integer> held) {
        return new TreeMap<>(held);
    }
}

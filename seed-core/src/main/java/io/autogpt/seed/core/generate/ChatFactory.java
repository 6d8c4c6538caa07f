package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.chat.ChatMessage;
import io.autogpt.seed.core.chat.ChatSession;
import io.autogpt.seed.core.chat.CoPilotUnderstanding;
import io.autogpt.seed.core.chat.ChatMessageFeedback;
import io.autogpt.seed.core.chat.ChatSessionStatus;
import io.autogpt.seed.core.execution.PendingHumanReview;
import io.autogpt.seed.core.execution.ReviewStatus;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.workspace.UserWorkspaceFile;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Makes CoPilot conversations ({@code "ChatSession"}, {@code "ChatMessage"}) and what CoPilot learned about a user
 * ({@code "CoPilotUnderstanding"}). A conversation (u, c) is drawn once, as a script both tables read, so the
 * session's token totals and agent-run counts are those of its messages. Each turn is a user message, then the
 * assistant: either an answer, or tool calls in the platform's stored shape ({@code {id, type, function: {name,
 * arguments}}}, arguments a JSON string) answered by one tool message per call, in call order, and then the answer.
 * Thread-safe.
 */
final class ChatFactory {
    static final List<String> TOOLS = List.of("find_agent", "find_block", "find_library_agent", "run_agent",
            "view_agent_output", "search_docs", "add_understanding");
    static final List<String> ASKS = List.of("Can you find me an agent that helps with %s?",
            "I want to automate my %s work. Where do I start?", "Build me an agent for %s.",
            "Which blocks would I need for a %s workflow?", "Run my agent for %s again, please.",
            "What did my last %s run produce?");
    static final List<String> ANSWERS = List.of("Here is what I found for you.",
            "I set that up: you can open it in the builder now.", "Done. The run started; I'll show its output here.",
            "These blocks fit your workflow best.", "Your agent finished; here are its results.");
    private static final List<String> INDUSTRIES = List.of("software", "marketing", "education", "finance",
            "healthcare", "retail", "media", "consulting");
    private static final List<String> ROLES = List.of("founder", "engineer", "marketer", "analyst", "teacher",
            "operations lead", "writer");

    /** CoPilot's gated tools: name, label the review shows, and one input. */
    private static final List<String[]> GATES = List.of(new String[] {"bash_exec", "Run Command", "command",
            "ls -la /reports"}, new String[] {"create_folder", "Create Folder", "path", "/reports"},
            new String[] {"write_workspace_file", "Write File", "path", "/documents/summary.md"},
            new String[] {"run_agent", "Run Agent", "inputs", "{}"});
    private static final List<String> COMMENTS = List.of("Not what I asked for", "The agent it found does not fit",
            "Too long", "Wrong numbers");

    private final DatasetShape shape;
    private final PersonNames names;
    private final ExecutionTimelines timelines;
    private final UserWorkspaceFactory workspaces;
    /** The last user's runs shared by chats ({@link #runsSharedByChats}): one user's at a time, its rows' source. */
    /**
     * The last chat's script: a chat's session, runs and files each read it, and a table asks for several of them in
     * a row. Immutable, swapped whole, so threads share it.
     */
    private volatile LastScript lastScript = new LastScript(-1, -1, null);
    private long sharedRunsOf = -1;
    private Map<String, LocalDateTime> sharedRuns = Map.of();

    public ChatFactory(DatasetShape shape) {
        this.shape = shape;
        this.names = new PersonNames(shape);
        this.timelines = new ExecutionTimelines(shape);
        this.workspaces = new UserWorkspaceFactory(shape);
    }

    /** A run of the chat's owner that a tool message names: run {@code e} of graph {@code g}. */
    public record NamedRun(long g, long e) {
    }

    /** A workspace file of the chat's owner that a message names: file {@code f}, named at {@code at}. */
    public record NamedFile(int f, LocalDateTime at) {
    }

    /**
     * One drawn conversation: its messages, what the session sums up from them, and (today's platform) the runs and
     * files its messages name, each once, in the order first named.
     */
    private record Script(List<ChatMessage> messages, int promptTokens, int completionTokens,
                          Map<String, Object> agentRuns, List<NamedRun> runs, List<NamedFile> files,
                          List<Turn> turns) {
    }

    /**
     * One model call of a chat: the assistant message it produced and the tokens it took. The session's totals are
     * the sums of its turns'.
     */
    public record Turn(ChatMessage message, int promptTokens, int completionTokens) {
    }

    /** The model calls of chat (u, c), in order: what its session's token totals add up. */
    public List<Turn> turns(long u, long c) {
        return script(u, c).turns();
    }

    public ChatSession session(long u, long c) {
        Script script = script(u, c);
        Rng rng = shape.rng("ChatSession/title", u, c);
        List<ChatMessage> messages = script.messages();
        LocalDateTime created = messages.get(0).createdAt();
        LocalDateTime updated = messages.get(messages.size() - 1).createdAt();
        String title = rng.chance(0.8) ? rng.pick(AgentVocabulary.GRAPH_SUBJECTS) + " "
                + rng.pick(List.of("automation", "ideas", "agent", "help", "workflow")) : null;
        // Today's platform: a few chats pinned, a few shared (a fresh UUID token each time it is shared, some with
        // their runs), from a stream of their own. Historic chats have no turn in flight: idle. No experts yet.
        boolean today = shape.rules().atLeast(PlatformRules.SEPTEMBER_2026);
        Rng more = shape.rng("ChatSession/today", u, c);
        boolean pinned = today && more.chance(0.08);
        // A chat that ran agents is one worth showing, and its runs are what the share dialog offers to share along.
        boolean ranAgents = !script.runs().isEmpty();
        boolean shared = today && more.chance(ranAgents ? 0.3 : 0.1);
        String token = shared ? DatasetShape.uuid4(more) : null;
        LocalDateTime sharedAt = shared ? DatasetShape.between(more, created, shape.now()) : null;
        Tenancy.Placement where = placement(u, c, created);
        return new ChatSession(sessionId(u, c), created, updated, shape.userId(u), title, Json.EMPTY_OBJECT,
                Json.of(script.agentRuns()), Json.EMPTY_OBJECT, script.promptTokens(), script.completionTokens(),
                Json.EMPTY_OBJECT, ChatSessionStatus.idle, pinned, null, shared, token, sharedAt,
                shared && more.chance(ranAgents ? 0.7 : 0.5), where.organizationId(), where.teamId(),
                where.visibility());
    }

    /** The runs chat (u, c)'s tool messages name (today's platform; none before), each once. */
    public List<NamedRun> namedRuns(long u, long c) {
        return script(u, c).runs();
    }

    /** The workspace files chat (u, c)'s messages name (today's platform; none before), each once. */
    public List<NamedFile> namedFiles(long u, long c) {
        return script(u, c).files();
    }

    /**
     * The runs of user {@code u} that chats share along with them (today's platform): those a chat shared with
     * {@code autoShareExecutions} names, each with the earliest such chat's {@code sharedAt} (the platform stamps a
     * run a chat shares with the chat's share time). Keyed by run id.
     */
    public synchronized Map<String, LocalDateTime> runsSharedByChats(long u) {
        if (u != sharedRunsOf) {
            Map<String, LocalDateTime> runs = new TreeMap<>();
            for (int c = 0; c < shape.chats(u); c++) {
                ChatSession chat = session(u, c);
                if (chat.autoShareExecutions()) {
                    for (NamedRun run : namedRuns(u, c)) {
                        runs.merge(shape.graphExecutionId(u, run.g(), run.e()), chat.sharedAt(),
                                (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
            }
            sharedRuns = Map.copyOf(runs);
            sharedRunsOf = u;
        }
        return sharedRuns;
    }

    /** Where chat {@code c} of user {@code u}, started at {@code created}, lives (its organisation and team). */
    private Tenancy.Placement placement(long u, long c, LocalDateTime created) {
        return shape.tenancy().placement(u, created, shape.rng("tenancy/ChatSession", u, c));
    }

    /**
     * The chat's review, on today's platform, where a tool call of CoPilot's waited for the user (one chat in eight):
     * keyed {@code copilot-node-gate-<tool>:<8 hex>}, owned by the chat alone (no graph columns), decided and
     * processed after the assistant asked.
     */
    public java.util.Optional<PendingHumanReview> review(long u, long c) {
        Rng rng = shape.rng("PendingHumanReview/chat", u, c);
        if (!shape.rules().atLeast(PlatformRules.SEPTEMBER_2026) || !rng.chance(0.125)) {
            return java.util.Optional.empty();
        }
        List<ChatMessage> assistant = messages(u, c).stream().filter(m -> m.role().equals("assistant")).toList();
        ChatMessage asked = rng.pick(assistant);
        String[] gate = rng.pick(GATES);
        LocalDateTime reviewed = shape.soonAfter(rng, asked.createdAt(), Duration.ofMinutes(5));
        ReviewStatus status = rng.chance(0.8) ? ReviewStatus.APPROVED : ReviewStatus.REJECTED;
        boolean editable = rng.chance(0.5);
        // The review lives where its chat does.
        Tenancy.Placement where = placement(u, c, messages(u, c).get(0).createdAt());
        return java.util.Optional.of(new PendingHumanReview("copilot-node-gate-" + gate[0] + ":" + rng.hex(8),
                shape.userId(u), null, null, null, Json.obj(gate[2], gate[3]), gate[1], editable, status, null,
                editable && rng.chance(0.2), true, asked.createdAt(), reviewed, reviewed, sessionId(u, c),
                where.organizationId(), where.teamId()));
    }

    /**
     * The feedback the user gave on the chat's assistant messages (today's platform): a thumb up or down, now and
     * then with a comment, on about one in ten; a copy on a few more. At most one score of each name per message.
     */
    public List<ChatMessageFeedback> feedback(long u, long c) {
        if (!shape.rules().atLeast(PlatformRules.SEPTEMBER_2026)) {
            return List.of();
        }
        List<ChatMessageFeedback> out = new ArrayList<>();
        for (ChatMessage m : messages(u, c)) {
            if (!m.role().equals("assistant") || m.content() == null) {
                continue;
            }
            Rng rng = shape.rng("ChatMessageFeedback", u, c, m.sequence());
            double p = rng.nextDouble();
            if (p < 0.1) {
                boolean up = rng.chance(0.75);
                LocalDateTime at = shape.soonAfter(rng, m.createdAt(), Duration.ofMinutes(10));
                out.add(new ChatMessageFeedback(shape.id("ChatMessageFeedback", u, c, m.sequence()), at, at,
                        shape.userId(u), m.id(), m.sessionId(), "user-feedback", up ? 1 : 0,
                        !up && rng.chance(0.4) ? rng.pick(COMMENTS) : null, null));
            } else if (p < 0.14) {
                LocalDateTime at = shape.soonAfter(rng, m.createdAt(), Duration.ofMinutes(10));
                out.add(new ChatMessageFeedback(shape.id("ChatMessageFeedback", u, c, m.sequence()), at, at,
                        shape.userId(u), m.id(), m.sessionId(), "copy", 1, null, null));
            }
        }
        return out;
    }

    public List<ChatMessage> messages(long u, long c) {
        return script(u, c).messages();
    }

    public CoPilotUnderstanding understanding(long u) {
        Rng rng = shape.rng("CoPilotUnderstanding", u);
        LocalDateTime created = DatasetShape.between(rng, shape.userCreatedAt(u), shape.now());
        Map<String, Object> business = new TreeMap<>();
        business.put("job_title", capital(rng.pick(ROLES)));
        business.put("industry", rng.pick(INDUSTRIES));
        business.put("business_size", rng.pick(List.of("1-10", "11-50", "51-200", "201-1000", "1000+")));
        business.put("user_role", rng.pick(List.of("decision maker", "implementer", "end user")));
        business.put("key_workflows", some(rng, AgentVocabulary.STORE_CATEGORIES));
        business.put("pain_points", some(rng, List.of("too much manual data entry", "slow reporting",
                "scattered tools", "repetitive emails", "missed follow-ups")));
        business.put("automation_goals", some(rng, List.of("summarise the news daily", "draft social posts",
                "qualify leads", "triage support tickets", "track competitors")));
        business.put("current_software", some(rng, AgentVocabulary.INTEGRATIONS));
        return new CoPilotUnderstanding(shape.id("CoPilotUnderstanding", u), created,
                DatasetShape.between(rng, created, shape.now()), shape.userId(u),
                Json.obj("name", names.of(u).full(), "business", business));
    }

    private String sessionId(long u, long c) {
        return shape.id("ChatSession", u, c);
    }

    private Script script(long u, long c) {
        LastScript last = lastScript;
        if (last.u() != u || last.c() != c || last.script() == null) {
            last = new LastScript(u, c, makeScript(u, c));
            lastScript = last;
        }
        return Objects.requireNonNull(last.script());
    }

    /** Chat (u, c)'s script, once made. */
    private record LastScript(long u, long c, @Nullable Script script) {
    }

    private Script makeScript(long u, long c) {
        // Today's platform: messages name runs and files, drawn from a stream of their own (the rest as before).
        boolean today = shape.rules().atLeast(PlatformRules.SEPTEMBER_2026);
        Rng more = shape.rng("ChatMessage/today", u, c);
        List<NamedRun> named = new ArrayList<>();
        List<NamedFile> attached = new ArrayList<>();
        Rng rng = shape.rng("ChatSession", u, c);
        String session = sessionId(u, c);
        int turns = shape.turns(u, c);
        int graphs = shape.graphs(u);
        LocalDateTime at = DatasetShape.between(rng, shape.userCreatedAt(u), shape.now().minusHours(1));
        List<ChatMessage> out = new ArrayList<>();
        int prompt = 0;
        int completion = 0;
        Map<String, Object> runs = new TreeMap<>();
        List<Turn> modelCalls = new ArrayList<>();
        for (int turn = 0; turn < turns; turn++) {
            at = shape.soonAfter(rng, at.plusSeconds(5), Duration.ofMinutes(10));
            String topic = rng.pick(AgentVocabulary.STORE_CATEGORIES);
            String ask = String.format(rng.pick(ASKS), topic);
            if (today) {
                ask = attach(more, u, at, ask, attached);
            }
            out.add(new ChatMessage(shape.id("ChatMessage", u, c, out.size()), at, session, "user", ask, null,
                    null, null, null, null, out.size(), null));
            if (rng.chance(0.6)) {
                int calls = rng.between(1, 2);
                List<Object> toolCalls = new ArrayList<>();
                List<String[]> results = new ArrayList<>();
                for (int k = 0; k < calls; k++) {
                    String tool = rng.pick(TOOLS);
                    String callId = "call_" + rng.urlSafe(24).replace('-', 'x').replace('_', 'y');
                    Map<String, Object> arguments = new TreeMap<>();
                    String result;
                    if (tool.equals("run_agent") && graphs > 0) {
                        int g = rng.nextInt(graphs);
                        String graphId = shape.graphId(u, g);
                        arguments.put("agent_id", graphId);
                        arguments.put("inputs", Map.of());
                        runs.merge(graphId, 1, (a, b) -> (Integer) a + (Integer) b);
                        result = Json.obj("type", "execution_started", "graph_id", graphId, "message",
                                "The agent is running.").text();
                        if (today) {
                            result = started(u, g, at, result, named);
                        }
                    } else {
                        arguments.put("query", topic);
                        result = Json.obj("type", "search_results", "query", topic, "count", rng.between(0, 8)).text();
                        if (today && tool.equals("view_agent_output")) {
                            result = viewed(more, u, at, result, named);
                        }
                    }
                    toolCalls.add(Json.map("id", callId, "type", "function", "function",
                            Json.map("name", tool, "arguments", Json.of(arguments).text())));
                    results.add(new String[] {callId, result});
                }
                at = shape.soonAfter(rng, at.plusNanos(1_000_000), Duration.ofSeconds(20));
                int[] tokens = tokens(rng, out.size());
                prompt += tokens[0];
                completion += tokens[1];
                out.add(new ChatMessage(shape.id("ChatMessage", u, c, out.size()), at, session, "assistant", null,
                        null, null, null, Json.of(toolCalls), null, out.size(), rng.between(300, 4_000)));
                modelCalls.add(new Turn(out.get(out.size() - 1), tokens[0], tokens[1]));
                for (String[] result : results) {
                    at = shape.soonAfter(rng, at.plusNanos(1_000_000), Duration.ofSeconds(5));
                    out.add(new ChatMessage(shape.id("ChatMessage", u, c, out.size()), at, session, "tool",
                            result[1], null, result[0], null, null, null, out.size(), null));
                }
            }
            at = shape.soonAfter(rng, at.plusNanos(1_000_000), Duration.ofSeconds(30));
            int[] tokens = tokens(rng, out.size());
            prompt += tokens[0];
            completion += tokens[1];
            out.add(new ChatMessage(shape.id("ChatMessage", u, c, out.size()), at, session, "assistant",
                    rng.pick(ANSWERS), null, null, null, null, null, out.size(), rng.between(500, 9_000)));
            modelCalls.add(new Turn(out.get(out.size() - 1), tokens[0], tokens[1]));
        }
        return new Script(List.copyOf(out), prompt, completion, runs, List.copyOf(named), List.copyOf(attached),
                List.copyOf(modelCalls));
    }

    /**
     * Today's run_agent result names the run it started, queued as it was then: the run of graph {@code g} created
     * nearest the ask at {@code at} (the graph's runs are drawn apart from chats), or, for a graph without runs, none.
     */
    private String started(long u, int g, LocalDateTime at, String without, List<NamedRun> named) {
        int best = -1;
        long bestGap = Long.MAX_VALUE;
        for (int e = 0; e < shape.executions(u, g); e++) {
            long gap = Math.abs(Duration.between(at, timelines.of(u, g, e).createdAt()).toSeconds());
            if (gap < bestGap) {
                best = e;
                bestGap = gap;
            }
        }
        if (best < 0) {
            return without;
        }
        name(named, new NamedRun(g, best));
        return Json.obj("type", "execution_started", "graph_id", shape.graphId(u, g), "execution_id",
                shape.graphExecutionId(u, g, best), "status", "QUEUED", "message",
                "The agent is running.").text();
    }

    /**
     * Today's view_agent_output result shows a finished run of one of the user's graphs that ended before the ask
     * ({@code type} agent_output, the run under {@code execution}); with none, the search answer stands.
     */
    private String viewed(Rng rng, long u, LocalDateTime at, String without, List<NamedRun> named) {
        int graphs = shape.graphs(u);
        if (graphs == 0) {
            return without;
        }
        int g = rng.nextInt(graphs);
        for (int e = shape.executions(u, g) - 1; e >= 0; e--) {
            ExecutionTimeline t = timelines.of(u, g, e);
            if (t.endedAt() != null && t.endedAt().isBefore(at)) {
                name(named, new NamedRun(g, e));
                return Json.obj("type", "agent_output", "agent_name", shape.graphName(u, g), "execution",
                        Json.map("execution_id", shape.graphExecutionId(u, g, e), "status", t.status().name(),
                                "ended_at", t.endedAt().toString()), "message", "Here is the run's output.").text();
            }
        }
        return without;
    }

    private static void name(List<NamedRun> named, NamedRun run) {
        if (!named.contains(run)) {
            named.add(run);
        }
    }

    /**
     * Today's ask may carry files from the user's workspace (one in five, one or two files that existed, undeleted,
     * when asked), listed in the platform's {@code [Attached files]} block by {@code file_id}.
     */
    private String attach(Rng rng, long u, LocalDateTime at, String ask, List<NamedFile> attached) {
        if (!rng.chance(0.2)) {
            return ask;
        }
        List<Integer> there = new ArrayList<>();
        for (int f = 0; f < shape.workspaceFiles(u); f++) {
            UserWorkspaceFile file = workspaces.file(u, f);
            if (!file.createdAt().isAfter(at) && (file.deletedAt() == null || file.deletedAt().isAfter(at))) {
                there.add(f);
            }
        }
        if (there.isEmpty()) {
            return ask;
        }
        StringBuilder out = new StringBuilder(ask).append("\n\n[Attached files]");
        int n = Math.min(there.size(), rng.between(1, 2));
        for (int k = 0; k < n; k++) {
            int f = there.remove(rng.nextInt(there.size()));
            UserWorkspaceFile file = workspaces.file(u, f);
            out.append("\n- ").append(file.name()).append(" (").append(file.mimeType()).append(", ")
                    .append(file.sizeBytes()).append(" bytes), file_id=").append(file.id());
            if (attached.stream().noneMatch(a -> a.f() == f)) {
                attached.add(new NamedFile(f, at));
            }
        }
        return out.append("\nUse read_workspace_file with the file_id to read them.").toString();
    }

    /** Prompt and completion tokens of an assistant message: the prompt grows with the conversation. */
    static int[] tokens(Rng rng, int messagesBefore) {
        return new int[] {rng.between(400, 900) + messagesBefore * rng.between(60, 200), rng.between(20, 400)};
    }

    private static List<String> some(Rng rng, List<String> values) {
        List<String> picked = new ArrayList<>();
        int n = rng.between(1, 3);
        for (int i = 0; i < n; i++) {
            String v = rng.pick(values);
            if (!picked.contains(v)) {
                picked.add(v);
            }
        }
        return picked;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

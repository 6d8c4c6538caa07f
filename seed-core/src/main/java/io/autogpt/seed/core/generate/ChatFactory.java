package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.chat.ChatMessage;
import io.autogpt.seed.core.chat.ChatSession;
import io.autogpt.seed.core.chat.CoPilotUnderstanding;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes CoPilot conversations ({@code "ChatSession"}, {@code "ChatMessage"}) and what CoPilot learned about a user
 * ({@code "CoPilotUnderstanding"}). A conversation (u, c) is drawn once, as a script both tables read, so the
 * session's token totals and agent-run counts are those of its messages. Each turn is a user message, then the
 * assistant: either an answer, or tool calls in the platform's stored shape ({@code {id, type, function: {name,
 * arguments}}}, arguments a JSON string) answered by one tool message per call, in call order, and then the answer.
 * Thread-safe.
 */
public final class ChatFactory {
    private static final List<String> TOOLS = List.of("find_agent", "find_block", "find_library_agent", "run_agent",
            "view_agent_output", "search_docs", "add_understanding");
    private static final List<String> ASKS = List.of("Can you find me an agent that helps with %s?",
            "I want to automate my %s work. Where do I start?", "Build me an agent for %s.",
            "Which blocks would I need for a %s workflow?", "Run my agent for %s again, please.",
            "What did my last %s run produce?");
    private static final List<String> ANSWERS = List.of("Here is what I found for you.",
            "I set that up: you can open it in the builder now.", "Done. The run started; I'll show its output here.",
            "These blocks fit your workflow best.", "Your agent finished; here are its results.");
    private static final List<String> INDUSTRIES = List.of("software", "marketing", "education", "finance",
            "healthcare", "retail", "media", "consulting");
    private static final List<String> ROLES = List.of("founder", "engineer", "marketer", "analyst", "teacher",
            "operations lead", "writer");

    private final DatasetShape shape;
    private final PersonNames names;

    public ChatFactory(DatasetShape shape) {
        this.shape = shape;
        this.names = new PersonNames(shape);
    }

    /** One drawn conversation: its messages and what the session sums up from them. */
    private record Script(List<ChatMessage> messages, int promptTokens, int completionTokens,
                          Map<String, Object> agentRuns) {
    }

    public ChatSession session(long u, long c) {
        Script script = script(u, c);
        Rng rng = shape.rng("ChatSession/title", u, c);
        List<ChatMessage> messages = script.messages();
        LocalDateTime created = messages.get(0).createdAt();
        LocalDateTime updated = messages.get(messages.size() - 1).createdAt();
        String title = rng.chance(0.8) ? rng.pick(AgentVocabulary.GRAPH_SUBJECTS) + " "
                + rng.pick(List.of("automation", "ideas", "agent", "help", "workflow")) : null;
        Tenancy.Placement where = shape.tenancy().placement(u, created, shape.rng("tenancy/ChatSession", u, c));
        return new ChatSession(sessionId(u, c), created, updated, shape.userId(u), title, Json.EMPTY_OBJECT,
                Json.of(script.agentRuns()), Json.EMPTY_OBJECT, script.promptTokens(), script.completionTokens(), Json.EMPTY_OBJECT,
                where.organizationId(), where.teamId(), where.visibility());
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
        Rng rng = shape.rng("ChatSession", u, c);
        String session = sessionId(u, c);
        int turns = shape.turns(u, c);
        int graphs = shape.graphs(u);
        LocalDateTime at = DatasetShape.between(rng, shape.userCreatedAt(u), shape.now().minusHours(1));
        List<ChatMessage> out = new ArrayList<>();
        int prompt = 0;
        int completion = 0;
        Map<String, Object> runs = new TreeMap<>();
        for (int turn = 0; turn < turns; turn++) {
            at = shape.soonAfter(rng, at.plusSeconds(5), Duration.ofMinutes(10));
            String topic = rng.pick(AgentVocabulary.STORE_CATEGORIES);
            out.add(new ChatMessage(shape.id("ChatMessage", u, c, out.size()), at, session, "user",
                    String.format(rng.pick(ASKS), topic), null, null, null, null, null, out.size(), null));
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
                        String graphId = shape.graphId(u, rng.nextInt(graphs));
                        arguments.put("agent_id", graphId);
                        arguments.put("inputs", Map.of());
                        runs.merge(graphId, 1, (a, b) -> (Integer) a + (Integer) b);
                        result = Json.obj("type", "execution_started", "graph_id", graphId, "message",
                                "The agent is running.").text();
                    } else {
                        arguments.put("query", topic);
                        result = Json.obj("type", "search_results", "query", topic, "count", rng.between(0, 8)).text();
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
        }
        return new Script(List.copyOf(out), prompt, completion, runs);
    }

    /** Prompt and completion tokens of an assistant message: the prompt grows with the conversation. */
    private static int[] tokens(Rng rng, int messagesBefore) {
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

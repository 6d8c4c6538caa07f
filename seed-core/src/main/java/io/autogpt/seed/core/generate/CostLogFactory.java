package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.cost.PlatformCostLog;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Today's {@code "PlatformCostLog"} of one user's chat: a row per model call of the AutoPilot (copilot), as the
 * platform's token tracking writes it: block {@code copilot}, credential {@code copilot_system}, the call's uncached
 * input and output tokens, the provider's reported cost in microdollars, {@code tracking_type} {@code cost_usd}, at
 * the moment the assistant's message was written. A session's logged tokens add up to its {@code totalPromptTokens}
 * and {@code totalCompletionTokens}.
 *
 * <p>Graph runs log nothing here: the platform logs a block's run only when it used one of the platform's own (system)
 * credentials, and seeded graphs are made of core blocks, which take no credentials. Thread-safe.
 */
final class CostLogFactory {
    /** The SDK path (Anthropic direct) and the baseline path (OpenRouter), with the model each bills. */
    private static final List<String[]> PATHS = List.of(
            new String[] {"copilot:SDK", "anthropic", "claude-sonnet-4-5-20250929"},
            new String[] {"copilot:Baseline", "open_router", "anthropic/claude-sonnet-4.5"});

    private final DatasetShape shape;
    private final ChatFactory chats;

    CostLogFactory(DatasetShape shape) {
        this.shape = shape;
        this.chats = new ChatFactory(shape);
    }

    List<PlatformCostLog> chatCosts(long u, long c) {
        if (!shape.rules().atLeast(PlatformRules.SEPTEMBER_2026)) {
            return List.of();
        }
        String session = shape.id("ChatSession", u, c);
        // One path per chat: a session stays on the model it started on.
        String[] path = path(shape.rng("PlatformCostLog/path", u, c));
        List<ChatFactory.Turn> turns = chats.turns(u, c);
        List<PlatformCostLog> rows = new ArrayList<>(turns.size());
        for (int t = 0; t < turns.size(); t++) {
            rows.add(turnCost(shape.id("PlatformCostLog/chat", u, c, t), shape.userId(u), session, path,
                    turns.get(t), shape.rng("PlatformCostLog", u, c, t)));
        }
        return rows;
    }

    /** The path a chat stays on: the SDK four times in five. */
    static String[] path(Rng rng) {
        return PATHS.get(rng.chance(0.8) ? 0 : 1);
    }

    /** The log of one model call {@code turn} of user {@code userId}'s chat {@code session} on {@code path}. */
    static PlatformCostLog turnCost(String id, String userId, String session, String[] path,
                                    ChatFactory.Turn turn, Rng rng) {
        int cacheRead = path[1].equals("anthropic") && rng.chance(0.6) ? rng.between(1_000, 20_000) : 0;
        // Sonnet's list prices: $3 per million input tokens, $15 per million output, a tenth for cache reads.
        long micro = 3L * turn.promptTokens() + 15L * turn.completionTokens() + Math.round(0.3 * cacheRead);
        double usd = micro / 1_000_000.0;
        Json metadata = Json.obj("tracking_type", "cost_usd", "tracking_amount", usd, "cache_read_tokens",
                cacheRead, "cache_creation_tokens", 0, "source", "copilot", "execution_path", "sync");
        return new PlatformCostLog(id, turn.message().createdAt(), userId, null, session, null, null, null,
                "copilot", path[0], path[1], "copilot_system", micro, turn.promptTokens(), turn.completionTokens(),
                cacheRead == 0 ? null : cacheRead, null, null,
                turn.message().durationMs() == null ? null : turn.message().durationMs() / 1000.0, path[2],
                "cost_usd", usd, metadata);
    }
}

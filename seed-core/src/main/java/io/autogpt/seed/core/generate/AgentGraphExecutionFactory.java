package io.autogpt.seed.core.generate;

import java.util.Objects;
import io.autogpt.seed.core.execution.AgentGraphExecution;
import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.execution.SharedVia;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import java.time.Duration;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@code "AgentGraphExecution"} rows from their {@link ExecutionTimeline}: a {@link Run} of the runner's own
 * graph, or (today's platform) of another user's graph in the runner's library, at the version the library holds.
 * On today's platform a run its owner did not share is shared by a chat ({@code sharedVia = CHAT_LINK}) when a chat
 * shared with its runs names it.
 * Thread-safe.
 */
final class AgentGraphExecutionFactory {
    private final DatasetShape shape;
    private final ChatFactory chats;

    public AgentGraphExecutionFactory(DatasetShape shape) {
        this.shape = shape;
        this.chats = new ChatFactory(shape);
    }

    public AgentGraphExecution create(Run run, ExecutionTimeline timeline) {
        Rng rng = shape.rng(run, "AgentGraphExecution");
        long u = run.runner();
        String id = shape.graphExecutionId(run);
        String graphId = shape.graphId(run.owner(), run.g());
        int nodes = timeline.nodes().size();
        long reached = reached(timeline);
        Json stats = null;
        if (timeline.endedAt() != null) {
            double seconds = Duration.between(timeline.startedAt(), timeline.endedAt()).toMillis() / 1000.0;
            stats = Json.obj("cost", cost(rng, reached), "duration", seconds, "node_count", nodes,
                    "node_exec_count", (int) reached, "walltime", seconds);
        }
        boolean shared = timeline.endedAt() != null && rng.chance(0.05);
        LocalDateTime sharedAt = shared ? DatasetShape.between(rng, Objects.requireNonNull(timeline.endedAt()),
                shape.now()) : null;
        Json inputs = Json.obj("input", rng.pick(AgentVocabulary.GRAPH_SUBJECTS));
        // A run of one's own graph happens where the graph lives; one of a graph added from the store, where the
        // library entry is: the runner's personal organisation.
        Tenancy.Placement where = placement(run);
        if (!shape.rules().atLeast(PlatformRules.SEPTEMBER_2026)) {
            // Share tokens are unique in the whole database: derive them from a seed-specific id.
            String shareToken = shared ? shape.id(run, "shareToken").replace("-", "") : null;
            return new AgentGraphExecution(id, graphId, 1, shape.userId(u),
                    timeline.createdAt(), timeline.lastEvent(), timeline.status(), timeline.startedAt(), null, stats,
                    false, null, inputs, null, shared, shareToken, sharedAt, null, timeline.endedAt(), null, null,
                    null, null, null, null, null, where.organizationId(), where.teamId(), where.visibility());
        }
        // Today's platform: tokens are uuid4 (its share routes accept nothing else), drawn from a stream of their own.
        Rng today = shape.rng(run, "AgentGraphExecution/today");
        String shareToken = shared ? DatasetShape.uuid4(today) : null;
        SharedVia via = shared ? SharedVia.USER : null;
        LocalDateTime byChat = shared ? null : chats.runsSharedByChats(u).get(id);
        if (byChat != null) {
            // Shared by a chat that shares its runs: a fresh token of its own, stamped with the chat's share time
            // (research notes, chat sharing); a run its owner shared keeps its own token and sharedVia.
            shared = true;
            shareToken = DatasetShape.uuid4(shape.rng(run, "AgentGraphExecution/chatLink"));
            sharedAt = byChat;
            via = SharedVia.CHAT_LINK;
        }
        String[] trigger = trigger(today, u);
        return new AgentGraphExecution(id, graphId, 1, shape.userId(u),
                timeline.createdAt(), timeline.lastEvent(), timeline.status(), timeline.startedAt(), null, stats,
                false, null, inputs, null, shared, shareToken, sharedAt, null, timeline.endedAt(),
                interestingness(today, timeline.status()), null, trigger[0], trigger[1], trigger[2], null,
                via, where.organizationId(), where.teamId(), where.visibility());
    }

    /**
     * Whether {@code run}'s row is shared ({@code isShared}), as {@link #create} decides it: by its owner (the draw
     * after the cost, once finished), or on today's platform by a chat that shares its runs. Without making the row,
     * for the shared run files, which look at every run and keep the few shared ones.
     */
    boolean isShared(Run run, ExecutionTimeline timeline) {
        if (timeline.endedAt() != null) {
            Rng rng = shape.rng(run, "AgentGraphExecution");
            cost(rng, reached(timeline)); // the first draw, as create makes it
            if (rng.chance(0.05)) {
                return true;
            }
        }
        return shape.rules().atLeast(PlatformRules.SEPTEMBER_2026)
                && chats.runsSharedByChats(run.runner()).get(shape.graphExecutionId(run)) != null;
    }

    /**
     * Where {@code run} happened: a run of one's own graph where the graph lives; one of a graph added from the store,
     * where the library entry is, the runner's personal organisation.
     */
    Tenancy.Placement placement(Run run) {
        return run.ofOthersGraph() ? shape.tenancy().personal(run.runner()) : shape.tenancy().graph(run.runner(), run.g());
    }

    /**
     * The credits {@code run} cost, as its {@code stats.cost} says: 0 while it has not finished. Briefings add these
     * up, so they must be the very draw {@link #create} makes (the first of the run's stream).
     */
    int cost(Run run, ExecutionTimeline timeline) {
        return timeline.endedAt() == null ? 0 : cost(shape.rng(run, "AgentGraphExecution"), reached(timeline));
    }

    private static int cost(Rng rng, long reached) {
        return (int) reached * rng.between(0, 12);
    }

    private static long reached(ExecutionTimeline timeline) {
        return timeline.nodes().stream().filter(n -> n.started() != null).count();
    }

    /**
     * How a run started, as {@code (triggerSource, triggerRef, scheduleId)}: mostly by hand in the library or the
     * builder (the surface is the reference), some by a schedule (its id, the scheduler's, not a table's), a few
     * through the API with one of the user's keys. (Webhook-triggered runs need a graph with a webhook node: none yet.)
     */
    private String[] trigger(Rng rng, long u) {
        double p = rng.nextDouble();
        if (p < 0.15) {
            String schedule = DatasetShape.uuid4(rng);
            return new String[] {"schedule", schedule, schedule};
        }
        if (p < 0.2 && shape.apiKeys(u) > 0) {
            return new String[] {"api", shape.id("APIKey", u, rng.nextInt(shape.apiKeys(u))), null};
        }
        return new String[] {"manual", rng.chance(0.7) ? "library" : "builder", null};
    }

    /**
     * The platform's score of a finished run for briefings ({@code notifications/scoring.py}): a base by status
     * (failed .80, terminated .70, completed .30), +.20 with an activity summary or -.20 without, now and then +.15 for
     * an unusual cost; floored at 0. {@code null} while the run has not finished.
     */
    private static @Nullable Double interestingness(Rng rng, AgentExecutionStatus status) {
        double base = switch (status) {
            case FAILED -> 0.8;
            case TERMINATED -> 0.7;
            case COMPLETED -> 0.3;
            default -> -1;
        };
        if (base < 0) {
            return null;
        }
        double score = base + (rng.chance(0.6) ? 0.2 : -0.2) + (rng.chance(0.1) ? 0.15 : 0);
        return Math.round(Math.max(0, score) * 100) / 100.0;
    }
}

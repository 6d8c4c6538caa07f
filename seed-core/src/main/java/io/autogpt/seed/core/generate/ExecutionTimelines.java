package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.random.Rng;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Draws the {@link ExecutionTimeline} of a {@link Run}. Status shares: 72 % completed, 10 % failed,
 * 5 % terminated, 5 % running, 3 % waiting for a human review, 5 % queued. A run is created no earlier than its
 * {@linkplain Run#since() since} and ends before the anchor; one that cannot fit (a library entry added moments
 * before the anchor) is still queued, created in between. Thread-safe.
 */
final class ExecutionTimelines {
    private final DatasetShape shape;

    public ExecutionTimelines(DatasetShape shape) {
        this.shape = shape;
    }

    /** The timeline of user {@code u}'s {@code e}-th run of their own graph {@code g}. */
    public ExecutionTimeline of(long u, long g, long e) {
        return of(shape.run(u, g, e));
    }

    public ExecutionTimeline of(Run run) {
        return of(run, shape.now());
    }

    /**
     * The timeline of {@code run} as if {@code anchor} were "now": the seeder's runs end before the dataset's anchor,
     * a day that {@code advance} adds ends at that day's anchor. Same draws, so the seeder's rows do not move.
     */
    public ExecutionTimeline of(Run run, LocalDateTime anchor) {
        Rng rng = shape.rng(run, "timeline");
        int nodeCount = shape.nodes(run.owner(), run.g());
        AgentExecutionStatus status = drawStatus(rng);
        int stop = switch (status) {
            case COMPLETED -> nodeCount;
            case QUEUED -> 0;
            default -> rng.nextInt(nodeCount);
        };
        // Offsets in milliseconds from the moment the run was created.
        long startDelay = status == AgentExecutionStatus.QUEUED ? 0 : rng.between(100, 5_000);
        long[][] offsets = new long[nodeCount][];
        long t = startDelay;
        for (int n = 0; n < nodeCount; n++) {
            if (n < stop || (n == stop && status != AgentExecutionStatus.QUEUED)) {
                long queued = t;
                long started = queued + rng.between(10, 500);
                // A running node, or one waiting for its review, has not ended.
                boolean ends = n < stop || (status != AgentExecutionStatus.RUNNING
                        && status != AgentExecutionStatus.REVIEW);
                long ended = started + rng.between(200, 30_000);
                offsets[n] = new long[] {queued, started, ends ? ended : -1};
                t = ends ? ended : started;
            }
        }
        long total = t;
        LocalDateTime latest = DatasetShape.plusMillis(anchor, -total);
        LocalDateTime createdAt = status.isFinished()
                ? DatasetShape.between(rng, run.since(), latest)
                : DatasetShape.plusMillis(latest, -rng.between(1_000, 60_000));
        if (createdAt.isBefore(run.since()) || latest.isBefore(run.since())) {
            // Never for an own run (graphs are at least a day old, runs take minutes): the entry is too new.
            return queued(DatasetShape.between(rng, run.since(), anchor), nodeCount);
        }
        List<ExecutionTimeline.NodeTiming> nodes = new ArrayList<>(nodeCount);
        for (int n = 0; n < nodeCount; n++) {
            nodes.add(timing(status, stop, n, offsets[n], createdAt, total));
        }
        return new ExecutionTimeline(status, createdAt,
                status == AgentExecutionStatus.QUEUED ? null : at(createdAt, startDelay),
                status.isFinished() ? at(createdAt, total) : null, nodes);
    }

    /** A run still waiting for its first node, created at {@code createdAt}. */
    private static ExecutionTimeline queued(LocalDateTime createdAt, int nodeCount) {
        List<ExecutionTimeline.NodeTiming> nodes = new ArrayList<>(nodeCount);
        for (int n = 0; n < nodeCount; n++) {
            nodes.add(timing(AgentExecutionStatus.QUEUED, 0, n, null, createdAt, 0));
        }
        return new ExecutionTimeline(AgentExecutionStatus.QUEUED, createdAt, null, null, nodes);
    }

    private static ExecutionTimeline.NodeTiming timing(AgentExecutionStatus graph, int stop, int n,
            long @Nullable [] offsets,
                                                       LocalDateTime createdAt, long stoppedAt) {
        if (offsets == null) {
            if (graph == AgentExecutionStatus.QUEUED && n == 0) {
                return new ExecutionTimeline.NodeTiming(AgentExecutionStatus.QUEUED, createdAt, createdAt, null, null);
            }
            // Never reached: created when the run stopped, nothing else.
            return new ExecutionTimeline.NodeTiming(AgentExecutionStatus.INCOMPLETE, at(createdAt, stoppedAt), null,
                    null, null);
        }
        AgentExecutionStatus status = n < stop ? AgentExecutionStatus.COMPLETED : graph;
        return new ExecutionTimeline.NodeTiming(status, at(createdAt, offsets[0]), at(createdAt, offsets[0]),
                at(createdAt, offsets[1]), offsets[2] < 0 ? null : at(createdAt, offsets[2]));
    }

    private static AgentExecutionStatus drawStatus(Rng rng) {
        double p = rng.nextDouble();
        if (p < 0.72) {
            return AgentExecutionStatus.COMPLETED;
        } else if (p < 0.75) {
            return AgentExecutionStatus.REVIEW;
        } else if (p < 0.85) {
            return AgentExecutionStatus.FAILED;
        } else if (p < 0.90) {
            return AgentExecutionStatus.TERMINATED;
        } else if (p < 0.95) {
            return AgentExecutionStatus.RUNNING;
        }
        return AgentExecutionStatus.QUEUED;
    }

    private static LocalDateTime at(LocalDateTime base, long millis) {
        return DatasetShape.plusMillis(base, millis);
    }
}

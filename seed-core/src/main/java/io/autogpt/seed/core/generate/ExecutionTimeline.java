package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.execution.AgentExecutionStatus;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When and how one graph execution and each of its node executions ran. Both execution tables read the same
 * timeline, so their statuses and times agree by construction:
 * <ul>
 *   <li>created ≤ started ≤ ended for the graph and each node, all before the anchor;</li>
 *   <li>nodes run one after another, each inside the graph's [started, ended];</li>
 *   <li>COMPLETED graph: every node COMPLETED. FAILED / TERMINATED: nodes before the stop COMPLETED, the stopping
 *       node FAILED / TERMINATED, later nodes INCOMPLETE. RUNNING: one RUNNING node, no end times. REVIEW: likewise, the
 *       node waiting for a human review in REVIEW. QUEUED: the first
 *       node QUEUED, no start times.</li>
 * </ul>
 *
 * @param status    the graph execution's status
 * @param createdAt when the run was requested
 * @param startedAt when it started, null while queued
 * @param endedAt   when it finished, null unless {@link AgentExecutionStatus#isFinished()}
 * @param nodes     one timing per node of the graph, in node order
 */
record ExecutionTimeline(AgentExecutionStatus status, LocalDateTime createdAt,
                                @Nullable LocalDateTime startedAt, @Nullable LocalDateTime endedAt,
                                List<NodeTiming> nodes) {
    public ExecutionTimeline {
        nodes = List.copyOf(nodes);
    }

    /** The last moment anything happened in this run. */
    public LocalDateTime lastEvent() {
        LocalDateTime last = startedAt != null ? startedAt : createdAt;
        for (NodeTiming node : nodes) {
            for (LocalDateTime t : new LocalDateTime[] {node.queued(), node.started(), node.ended()}) {
                if (t != null && t.isAfter(last)) {
                    last = t;
                }
            }
        }
        return endedAt != null && endedAt.isAfter(last) ? endedAt : last;
    }

    /**
     * One node's part of the run.
     *
     * @param status  the node execution's status
     * @param added   when the node execution was created
     * @param queued  when it was queued, null if it never was
     * @param started when it started, null if it never did
     * @param ended   when it ended, null if it has not
     */
    public record NodeTiming(AgentExecutionStatus status, LocalDateTime added, @Nullable LocalDateTime queued,
                             @Nullable LocalDateTime started, @Nullable LocalDateTime ended) {
    }
}

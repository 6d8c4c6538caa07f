package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.execution.PendingHumanReview;
import io.autogpt.seed.core.execution.ReviewStatus;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.Rng;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@code "PendingHumanReview"} rows from an execution's timeline. A run waiting in {@code REVIEW} has one
 * waiting review, of the node that waits; a share of finished runs stopped once on their way and had a node's data
 * approved or rejected while that node ran (processed, as the platform leaves them). Other runs have none.
 * Thread-safe.
 */
final class HumanReviewFactory {
    private static final List<String> INSTRUCTIONS = List.of("Check the draft before it is sent",
            "Approve the list of recipients", "Review the generated post", "Confirm the amounts");

    private final DatasetShape shape;

    public HumanReviewFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public Optional<PendingHumanReview> review(Run run, ExecutionTimeline timeline) {
        Rng rng = shape.rng(run, "PendingHumanReview");
        if (timeline.status() == AgentExecutionStatus.REVIEW) {
            for (int n = 0; n < timeline.nodes().size(); n++) {
                ExecutionTimeline.NodeTiming node = timeline.nodes().get(n);
                if (node.status() == AgentExecutionStatus.REVIEW) {
                    LocalDateTime asked = node.started();
                    return Optional.of(row(run, n, rng, ReviewStatus.WAITING, Objects.requireNonNull(asked), null));
                }
            }
            return Optional.empty();
        }
        if (!timeline.status().isFinished() || !shape.hadReview(run)) {
            return Optional.empty();
        }
        List<Integer> completed = IntStream.range(0, timeline.nodes().size())
                .filter(n -> timeline.nodes().get(n).status() == AgentExecutionStatus.COMPLETED).boxed().toList();
        if (completed.isEmpty()) {
            return Optional.empty();
        }
        int n = rng.pick(completed);
        ExecutionTimeline.NodeTiming node = timeline.nodes().get(n);
        LocalDateTime reviewed = DatasetShape.between(rng, Objects.requireNonNull(node.started()),
                Objects.requireNonNull(node.ended()));
        ReviewStatus status = rng.chance(0.8) ? ReviewStatus.APPROVED : ReviewStatus.REJECTED;
        return Optional.of(row(run, n, rng, status, Objects.requireNonNull(node.started()), reviewed));
    }

    private PendingHumanReview row(Run run, int n, Rng rng, ReviewStatus status, LocalDateTime asked,
                                   @Nullable LocalDateTime reviewed) {
        boolean editable = rng.chance(0.8);
        boolean decided = status != ReviewStatus.WAITING;
        boolean edited = decided && editable && rng.chance(0.3);
        Json payload = Json.obj("name", shape.graphName(run.owner(), run.g()), "data",
                Json.map("text", "Draft " + rng.hex(6), "recipients", rng.between(1, 20)));
        String message = decided && rng.chance(0.5)
                ? (status == ReviewStatus.APPROVED ? "Looks good" : "Not this time") : null;
        // Asked for by a run: where the run happened (its graph's place, or the runner's personal organisation
        // for a graph added from the store).
        Tenancy.Placement where = run.ofOthersGraph() ? shape.tenancy().personal(run.runner())
                : shape.tenancy().graph(run.runner(), run.g());
        return new PendingHumanReview(shape.nodeExecutionId(run, n), shape.userId(run.runner()),
                shape.graphExecutionId(run), shape.graphId(run.owner(), run.g()), 1, payload, rng.pick(INSTRUCTIONS),
                editable, status, message, decided ? edited : null, decided, asked, decided ? reviewed : asked,
                decided ? reviewed : null, null, where.organizationId(), where.teamId());
    }
}

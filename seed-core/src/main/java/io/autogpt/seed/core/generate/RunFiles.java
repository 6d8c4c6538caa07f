package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.block.BlockType;
import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.workspace.UserWorkspaceFile;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The workspace file a run returned, on today's platform: some completed runs of a graph with an output block hand a
 * file of their owner's workspace back on that block's {@code output} pin, as {@code workspace://<file id>} (what
 * the platform scans for when a run is shared). The file existed, undeleted, when the run ended. Drawn from a stream of
 * its own; none under earlier rules. Thread-safe.
 */
final class RunFiles {
    /** How the platform writes a workspace file into a block's output. */
    public static final String SCHEME = "workspace://";

    private final DatasetShape shape;
    private final UserWorkspaceFactory workspaces;
    /**
     * The last user's workspace files: runs come user by user, and rebuilding every file of the owner for each
     * completed run was a third of the generation time at scale 1. Immutable, swapped whole, so threads share it.
     */
    private volatile UserFiles last = new UserFiles(-1, List.of());

    /** A user's workspace files, in order. */
    private record UserFiles(long user, List<UserWorkspaceFile> files) {
    }

    public RunFiles(DatasetShape shape) {
        this.shape = shape;
        this.workspaces = new UserWorkspaceFactory(shape);
    }

    /** The node of graph (u, g) whose {@code output} pin carries the file: its first output block, or -1. */
    public int outputNode(long u, long g) {
        GraphDesign design = shape.design(u, g);
        return IntStream.range(0, design.nodes().size())
                .filter(n -> design.nodes().get(n).block().type() == BlockType.OUTPUT).findFirst().orElse(-1);
    }

    /** The file run (u, g, e) returned, if any. */
    public Optional<UserWorkspaceFile> returned(long u, long g, long e, ExecutionTimeline timeline) {
        if (!shape.rules().atLeast(PlatformRules.SEPTEMBER_2026)
                || timeline.status() != AgentExecutionStatus.COMPLETED || outputNode(u, g) < 0) {
            return Optional.empty();
        }
        Rng rng = shape.rng("AgentGraphExecution/file", u, g, e);
        if (!rng.chance(0.3)) {
            return Optional.empty();
        }
        List<UserWorkspaceFile> existing = filesOf(u).stream()
                .filter(f -> !f.createdAt().isAfter(timeline.endedAt())
                        && (f.deletedAt() == null || f.deletedAt().isAfter(timeline.endedAt()))).toList();
        return existing.isEmpty() ? Optional.empty() : Optional.of(rng.pick(existing));
    }

    private List<UserWorkspaceFile> filesOf(long u) {
        UserFiles seen = last;
        if (seen.user() != u) {
            seen = new UserFiles(u, IntStream.range(0, shape.workspaceFiles(u)).mapToObj(f -> workspaces.file(u, f))
                    .toList());
            last = seen;
        }
        return seen.files();
    }
}

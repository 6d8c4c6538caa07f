package io.autogpt.seed.core.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Every run by one user, as the platform sees them: their runs of their own graphs, graph by graph, then their runs of
 * the store agents they added, each with its timeline. What the feed, the alerts and the cost tables read. Thread-safe.
 */
final class UserRuns {
    /** A run and how it went. */
    record Timed(Run run, ExecutionTimeline timeline) {
    }

    private final DatasetShape shape;
    private final ExecutionTimelines timelines;
    private final LibraryAgentFactory library;

    UserRuns(DatasetShape shape) {
        this.shape = shape;
        this.timelines = new ExecutionTimelines(shape);
        this.library = new LibraryAgentFactory(shape);
    }

    List<Timed> of(long u) {
        List<Timed> runs = new ArrayList<>();
        for (int g = 0; g < shape.graphs(u); g++) {
            for (int e = 0; e < shape.executions(u, g); e++) {
                Run run = shape.run(u, g, e);
                runs.add(new Timed(run, timelines.of(run)));
            }
        }
        for (Run run : library.runsOfOthersGraphs(u)) {
            runs.add(new Timed(run, timelines.of(run)));
        }
        return runs;
    }
}

package io.autogpt.seed.core.generate;

import java.time.LocalDateTime;

/**
 * One graph execution as its rows are keyed: who ran which graph, the earliest it can have been created, and the
 * ordinal path its ids and random streams hang off.
 *
 * <p>Two streams of runs exist. A user's runs of their own graphs are {@code (u, g, e)} on the streams the seeder has
 * always drawn from. Runs of a graph another user owns — today's platform: a library user running the store agent
 * they added — are {@code (runner, library entry, k)} on streams of their own ({@code "…/others"}), so neither stream
 * moves the other's ids or draws, and an early-rules dataset (which has no such runs) stays byte for byte as it was.
 *
 * @param runner   the ordinal of the user who ran it ({@code "AgentGraphExecution"."userId"})
 * @param owner    the ordinal of the graph's owner
 * @param g        the graph's ordinal among its owner's
 * @param entry    the runner's library entry of the graph for a run of another's graph; -1 for an own run
 * @param k        the run's ordinal among the runs of its graph (own) or of its library entry (another's)
 * @param since    the earliest the run can have been created: the graph's creation, or when the runner added it
 */
record Run(long runner, long owner, long g, long entry, long k, LocalDateTime since) {

    /** Whether the graph is another user's: the runner added it to their library. */
    public boolean ofOthersGraph() {
        return entry >= 0;
    }

    /** The name of {@code base}'s stream (an id's table or a random stream) for this run's kind. */
    String stream(String base) {
        return ofOthersGraph() ? base + "/others" : base;
    }

    /** The run's ordinal path followed by {@code more}: {@code (u, g, e, …)} or {@code (runner, entry, k, …)}. */
    long[] path(long... more) {
        long[] path = new long[3 + more.length];
        path[0] = runner;
        path[1] = ofOthersGraph() ? entry : g;
        path[2] = k;
        System.arraycopy(more, 0, path, 3, more.length);
        return path;
    }
}

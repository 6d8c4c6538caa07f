package io.autogpt.seed.core.generate;

import org.jspecify.annotations.Nullable;

/**
 * Remembers the last graph's design: the node, link and execution tables each walk graphs in order and ask for the
 * same design many times in a row (once per node, link and run), so one entry saves nearly every rebuild. Not
 * thread-safe; one per generating thread.
 */
final class GraphDesigns {
    private final DatasetShape shape;
    private long lastUser = -1;
    private long lastGraph = -1;
    private @Nullable GraphDesign last;

    public GraphDesigns(DatasetShape shape) {
        this.shape = shape;
    }

    public GraphDesign of(long u, long g) {
        if (u != lastUser || g != lastGraph || last == null) {
            last = shape.design(u, g);
            lastUser = u;
            lastGraph = g;
        }
        return last;
    }
}

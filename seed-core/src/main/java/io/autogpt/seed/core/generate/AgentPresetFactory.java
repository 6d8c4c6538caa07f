package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.AgentPreset;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.random.RowFaker;
import java.time.LocalDateTime;
import net.datafaker.Faker;

/** Makes {@code "AgentPreset"} rows, each for one of its owner's graphs. Not thread-safe; one per thread. */
final class AgentPresetFactory {
    private final DatasetShape shape;
    private final RowFaker faker = new RowFaker();

    public AgentPresetFactory(DatasetShape shape) {
        this.shape = shape;
    }

    /** The graph ordinal preset (u, p) is for, among u's own graphs; u must own at least one graph. */
    public long graph(long u, long p) {
        return shape.rng("preset/graph", u, p).nextInt(shape.graphs(u));
    }

    public AgentPreset create(long u, long p) {
        Rng rng = shape.rng("AgentPreset", u, p);
        Faker f = faker.at(rng);
        long g = graph(u, p);
        LocalDateTime createdAt = DatasetShape.between(rng, shape.graphCreatedAt(u, g), shape.now());
        boolean deleted = rng.chance(0.05);
        // A preset of the user's own graph lives where the graph does.
        Tenancy.Placement where = shape.tenancy().graph(u, g);
        return new AgentPreset(shape.id("AgentPreset", u, p), createdAt,
                DatasetShape.between(rng, createdAt, shape.now()), shape.graphName(u, g) + " – " + f.color().name(),
                f.lorem().sentence(rng.between(5, 12)), !deleted && rng.chance(0.9), shape.userId(u),
                shape.graphId(u, g), 1, deleted, null, where.organizationId(), where.teamId(), where.visibility());
    }
}

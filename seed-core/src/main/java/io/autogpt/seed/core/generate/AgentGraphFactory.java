package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.agent.AgentGraph;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.random.RowFaker;
import java.time.LocalDateTime;
import net.datafaker.Faker;

/** Makes {@code "AgentGraph"} rows: version 1 of each graph, active. Not thread-safe; one per generating thread. */
final class AgentGraphFactory {
    private final DatasetShape shape;
    private final RowFaker faker = new RowFaker();

    public AgentGraphFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public AgentGraph create(long u, long g) {
        Rng rng = shape.rng("AgentGraph", u, g);
        Faker f = faker.at(rng);
        LocalDateTime createdAt = shape.graphCreatedAt(u, g);
        Tenancy.Placement where = shape.tenancy().graph(u, g);
        return new AgentGraph(shape.graphId(u, g), 1, shape.graphName(u, g), f.lorem().sentence(rng.between(8, 16)),
                true, shape.userId(u), createdAt, DatasetShape.between(rng, createdAt, shape.now()), null, null,
                rng.chance(0.3) ? rng.pick(AgentVocabulary.CRONS) : null,
                rng.chance(0.4) ? f.lorem().sentence(10) : null, where.organizationId(), where.teamId(),
                where.visibility());
    }
}

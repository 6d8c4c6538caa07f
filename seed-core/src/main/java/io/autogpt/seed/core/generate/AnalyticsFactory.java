package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.analytics.AnalyticsDetails;
import io.autogpt.seed.core.analytics.AnalyticsMetrics;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import java.time.LocalDateTime;

/** Makes {@code "AnalyticsDetails"} and {@code "AnalyticsMetrics"} rows, after their user signed up. Thread-safe. */
final class AnalyticsFactory {
    private final DatasetShape shape;

    public AnalyticsFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public AnalyticsDetails details(long u, long i) {
        Rng rng = shape.rng("AnalyticsDetails", u, i);
        LocalDateTime createdAt = DatasetShape.between(rng, shape.userCreatedAt(u), shape.now());
        String type = rng.pick(AgentVocabulary.ANALYTICS_TYPES);
        return new AnalyticsDetails(shape.id("AnalyticsDetails", u, i), createdAt,
                DatasetShape.between(rng, createdAt, shape.now()), shape.userId(u), type,
                Json.obj("source", rng.pick(AgentVocabulary.INTEGRATIONS), "count", rng.between(1, 50)),
                type + ":" + rng.nextInt(100));
    }

    public AnalyticsMetrics metrics(long u, long i) {
        Rng rng = shape.rng("AnalyticsMetrics", u, i);
        LocalDateTime createdAt = DatasetShape.between(rng, shape.userCreatedAt(u), shape.now());
        // Three decimals keep the value's text identical through every writer.
        double value = Math.round(rng.nextDouble() * 5_000_000) / 1000.0;
        return new AnalyticsMetrics(shape.id("AnalyticsMetrics", u, i), createdAt,
                DatasetShape.between(rng, createdAt, shape.now()), rng.pick(AgentVocabulary.ANALYTICS_METRICS),
                value, rng.chance(0.3) ? "ms" : null, shape.userId(u));
    }
}

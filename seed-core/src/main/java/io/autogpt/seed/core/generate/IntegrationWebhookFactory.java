package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.integration.IntegrationWebhook;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.random.AgentVocabulary;
import io.autogpt.seed.core.random.Rng;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Makes {@code "IntegrationWebhook"} rows for the share of users who registered webhooks. Thread-safe. */
final class IntegrationWebhookFactory {
    private final DatasetShape shape;

    public IntegrationWebhookFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public IntegrationWebhook create(long u, long w) {
        Rng rng = shape.rng("IntegrationWebhook", u, w);
        String provider = rng.pick(AgentVocabulary.PROVIDERS);
        List<String> events = new ArrayList<>();
        int eventCount = rng.between(1, 3);
        for (int i = 0; i < eventCount; i++) {
            String event = rng.pick(AgentVocabulary.WEBHOOK_EVENTS);
            if (!events.contains(event)) {
                events.add(event);
            }
        }
        LocalDateTime createdAt = DatasetShape.between(rng, shape.userCreatedAt(u), shape.now());
        String resource = provider.equals("github") ? "acme/" + rng.pick(AgentVocabulary.GRAPH_SUBJECTS)
                .toLowerCase(java.util.Locale.ROOT).replace(' ', '-') : "channel-" + rng.nextInt(1000);
        Tenancy.Placement where = shape.tenancy().placement(u, createdAt,
                shape.rng("tenancy/IntegrationWebhook", u, w));
        return new IntegrationWebhook(shape.id("IntegrationWebhook", u, w), createdAt,
                DatasetShape.between(rng, createdAt, shape.now()), shape.userId(u), provider,
                shape.id("credentials", u, w), provider.equals("github") ? "repo" : "channel", resource, events,
                Json.obj("content_type", "json", "insecure_ssl", "0"), rng.urlSafe(32),
                Long.toString(100_000_000L + rng.nextLong(900_000_000L)), where.organizationId(), where.teamId(),
                where.visibility());
    }
}

package io.autogpt.seed.core.search;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.vector.Embedding;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "UnifiedContentEmbedding"}: the marketplace's hybrid-search entry for one piece of content. The
 * {@code search} tsvector is left to the platform's trigger, which fills it from {@code searchableText}.
 */
public record UnifiedContentEmbedding(String id, LocalDateTime createdAt, LocalDateTime updatedAt,
                                      ContentType contentType, String contentId, @Nullable String userId,
                                      Embedding embedding, String searchableText, Json metadata) {
    public static final Table<UnifiedContentEmbedding> TABLE = Table.insertOf(UnifiedContentEmbedding.class);

    public UnifiedContentEmbedding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(searchableText, "searchableText");
        Objects.requireNonNull(metadata, "metadata");
    }
}

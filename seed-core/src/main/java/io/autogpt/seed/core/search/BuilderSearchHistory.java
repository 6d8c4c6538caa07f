package io.autogpt.seed.core.search;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "BuilderSearchHistory"}: a block search a user made in the builder, with its filters.
 */
public record BuilderSearchHistory(String id, String userId, LocalDateTime createdAt, LocalDateTime updatedAt,
                                   String searchQuery, List<String> filter, List<String> byCreator,
                                   @Nullable String organizationId) {
    public static final Table<BuilderSearchHistory> TABLE = Table.insertOf(BuilderSearchHistory.class);

    public BuilderSearchHistory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(searchQuery, "searchQuery");
        filter = List.copyOf(filter);
        byCreator = List.copyOf(byCreator);
    }
}

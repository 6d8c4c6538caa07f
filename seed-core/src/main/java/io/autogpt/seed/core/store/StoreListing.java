package io.autogpt.seed.core.store;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "StoreListing"}: a graph offered on the marketplace.
 *
 * <p>{@code activeVersionId} is written as null and set afterwards by {@link StoreListingActiveVersion}: the listing
 * and its versions reference each other, and the platform's foreign keys are not deferrable.
 */
public record StoreListing(String id, LocalDateTime createdAt, LocalDateTime updatedAt, boolean isDeleted,
                           String agentGraphId, int agentGraphVersion, String owningUserId,
                           @Nullable String activeVersionId, boolean hasApprovedVersion, String slug,
                           boolean useForOnboarding,
                           @Nullable String owningOrgId) {
    public static final Table<StoreListing> TABLE = Table.insertOf(StoreListing.class);

    public StoreListing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(agentGraphId, "agentGraphId");
        Objects.requireNonNull(owningUserId, "owningUserId");
        Objects.requireNonNull(slug, "slug");
    }
}

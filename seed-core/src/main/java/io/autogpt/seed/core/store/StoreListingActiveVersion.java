package io.autogpt.seed.core.store;

import io.autogpt.seed.core.table.Table;
import java.util.Objects;

/**
 * Sets {@code "StoreListing"."activeVersionId"} once the listing's versions exist: an update, not a new row.
 *
 * @param id              the listing's id (the key)
 * @param activeVersionId the approved version the listing shows
 */
public record StoreListingActiveVersion(String id, String activeVersionId) {
    public static final Table<StoreListingActiveVersion> TABLE =
            Table.updateOf("StoreListing", StoreListingActiveVersion.class);

    public StoreListingActiveVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activeVersionId, "activeVersionId");
    }
}

package io.autogpt.seed.core.skill;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A row of {@code "CatalogueRelease"}: one published release of the platform's marketplace catalogue, as its
 * publisher records it: the catalogue checkout's revision, the release manifest (packages with their file trees,
 * experts with their skills) and its SHA-256, and the snapshot activating it gives the catalogue state. The id is the
 * digest of revision and manifest hash, so the same release always has the same id. Immutable once written.
 */
public record CatalogueRelease(String id, String revision, String manifestSha256, Json manifest, Json snapshot,
                               LocalDateTime createdAt) {
    public static final Table<CatalogueRelease> TABLE = Table.catalogueOf(CatalogueRelease.class, 1);

    public CatalogueRelease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(manifestSha256, "manifestSha256");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

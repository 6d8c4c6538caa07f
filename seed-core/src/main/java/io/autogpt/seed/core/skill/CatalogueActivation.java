package io.autogpt.seed.core.skill;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "CatalogueActivation"}: the seeded release made the live catalogue, as a fresh platform records
 * its first activation (no previous release, generation 1). A database writer numbers it after the generation the
 * catalogue state holds, and writes it only where no release is active ({@link Table.Kind#CATALOGUE_ACTIVATION}).
 */
public record CatalogueActivation(String id, String releaseId, @Nullable String previousReleaseId, int generation,
                                  boolean rollback, Json snapshot, LocalDateTime createdAt) {
    public static final Table<CatalogueActivation> TABLE = Table.catalogueActivationOf(CatalogueActivation.class);

    public CatalogueActivation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(createdAt, "createdAt");
        if (generation < 1) {
            throw new IllegalArgumentException("catalogue activation " + id + ": generations count from 1");
        }
    }
}

package io.autogpt.seed.core.skill;

import io.autogpt.seed.core.table.Table;
import java.util.Objects;

/** A row of {@code "CatalogueReleaseVersion"}: a skill version a catalogue release ships (its snapshot names it). */
public record CatalogueReleaseVersion(String releaseId, String versionId) {
    public static final Table<CatalogueReleaseVersion> TABLE = Table.catalogueOf(CatalogueReleaseVersion.class, 2);

    public CatalogueReleaseVersion {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(versionId, "versionId");
    }
}

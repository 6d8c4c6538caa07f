package io.autogpt.seed.core.expert;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A row of {@code "ExpertCredential"}: one of the owner's credentials the expert may use, by id (no foreign key: the
 * platform intersects grants with the owner's live credentials) and its provider.
 */
public record ExpertCredential(String id, LocalDateTime createdAt, String expertId, String credentialId,
                               String provider) {
    public static final Table<ExpertCredential> TABLE = Table.insertOf(ExpertCredential.class);

    public ExpertCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expertId, "expertId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(provider, "provider");
    }
}

package io.autogpt.seed.core.integration;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "IntegrationCredential"} (today's platform): a credential kept in an organisation for a
 * user, a team or the whole organisation. {@code encryptedPayload} is a Fernet token under the platform's
 * {@code ENCRYPTION_KEY}, as the platform's {@code JSONCryptor} makes it.
 */
public record IntegrationCredential(String id, String organizationId, CredentialOwnerType ownerType, String ownerId,
                                    @Nullable String teamId, String provider, String credentialType,
                                    String displayName, String encryptedPayload, String createdByUserId,
                                    @Nullable LocalDateTime lastUsedAt, String status, @Nullable Json metadata,
                                    @Nullable LocalDateTime expiresAt, LocalDateTime createdAt,
                                    LocalDateTime updatedAt) {
    public static final Table<IntegrationCredential> TABLE = Table.insertOf(IntegrationCredential.class);

    public IntegrationCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(ownerType, "ownerType");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(credentialType, "credentialType");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(encryptedPayload, "encryptedPayload");
        Objects.requireNonNull(createdByUserId, "createdByUserId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

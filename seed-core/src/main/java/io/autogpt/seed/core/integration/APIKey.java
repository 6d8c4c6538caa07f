package io.autogpt.seed.core.integration;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "APIKey"}. Only the key's head and tail, a salt and the salted hash are stored, as the platform
 * does; the plain key never leaves the factory.
 */
public record APIKey(String id, String name, String head, String tail, String hash, APIKeyStatus status,
                     List<APIKeyPermission> permissions, LocalDateTime createdAt, @Nullable LocalDateTime lastUsedAt,
                     @Nullable LocalDateTime revokedAt, @Nullable String description, String userId,
                     @Nullable String salt,
                     @Nullable String organizationId, @Nullable String teamId) {
    public static final Table<APIKey> TABLE = Table.insertOf(APIKey.class);

    public APIKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(tail, "tail");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(userId, "userId");
        permissions = List.copyOf(permissions);
    }
}

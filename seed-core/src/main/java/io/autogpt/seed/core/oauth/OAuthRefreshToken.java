package io.autogpt.seed.core.oauth;

import io.autogpt.seed.core.integration.APIKeyPermission;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "OAuthRefreshToken"}: a 30-day refresh token; {@code token} is its SHA-256, as the platform
 * stores it.
 */
public record OAuthRefreshToken(String id, String token, LocalDateTime createdAt, LocalDateTime expiresAt,
                                String applicationId, String userId, List<APIKeyPermission> scopes,
                                @Nullable LocalDateTime revokedAt) {
    public static final Table<OAuthRefreshToken> TABLE = Table.insertOf(OAuthRefreshToken.class);

    public OAuthRefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(userId, "userId");
        scopes = List.copyOf(scopes);
    }
}

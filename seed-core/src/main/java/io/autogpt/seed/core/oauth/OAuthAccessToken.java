package io.autogpt.seed.core.oauth;

import io.autogpt.seed.core.integration.APIKeyPermission;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "OAuthAccessToken"}: an hour-long access token; {@code token} is its SHA-256, as the platform
 * stores it.
 */
public record OAuthAccessToken(String id, String token, LocalDateTime createdAt, LocalDateTime expiresAt,
                               String applicationId, String userId, List<APIKeyPermission> scopes,
                               @Nullable LocalDateTime revokedAt) {
    public static final Table<OAuthAccessToken> TABLE = Table.insertOf(OAuthAccessToken.class);

    public OAuthAccessToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(userId, "userId");
        scopes = List.copyOf(scopes);
    }
}

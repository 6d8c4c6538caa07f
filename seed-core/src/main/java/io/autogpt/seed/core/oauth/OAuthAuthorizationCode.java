package io.autogpt.seed.core.oauth;

import io.autogpt.seed.core.integration.APIKeyPermission;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "OAuthAuthorizationCode"}: a single-use code a user's consent gave an app, valid ten minutes.
 */
public record OAuthAuthorizationCode(String id, String code, LocalDateTime createdAt, LocalDateTime expiresAt,
                                     String applicationId, String userId, List<APIKeyPermission> scopes,
                                     String redirectUri, @Nullable String codeChallenge,
                                     @Nullable String codeChallengeMethod, @Nullable LocalDateTime usedAt) {
    public static final Table<OAuthAuthorizationCode> TABLE = Table.insertOf(OAuthAuthorizationCode.class);

    public OAuthAuthorizationCode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        scopes = List.copyOf(scopes);
    }
}

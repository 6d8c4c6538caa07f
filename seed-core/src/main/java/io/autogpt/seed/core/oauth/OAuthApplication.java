package io.autogpt.seed.core.oauth;

import io.autogpt.seed.core.integration.APIKeyPermission;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "OAuthApplication"}: a third-party app owned by a user. As the platform stores it, the client
 * secret is only a salted hash; the plain secret never leaves the factory.
 */
public record OAuthApplication(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String name,
                               @Nullable String description, String clientId, String clientSecret,
                               String clientSecretSalt, List<String> redirectUris, List<String> grantTypes,
                               List<APIKeyPermission> scopes, String ownerId, boolean isActive,
                               @Nullable String logoUrl,
                               @Nullable String organizationId) {
    public static final Table<OAuthApplication> TABLE = Table.insertOf(OAuthApplication.class);

    public OAuthApplication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(clientSecretSalt, "clientSecretSalt");
        Objects.requireNonNull(ownerId, "ownerId");
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
        scopes = List.copyOf(scopes);
    }
}

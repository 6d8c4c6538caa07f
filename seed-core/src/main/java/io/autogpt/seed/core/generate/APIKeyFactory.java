package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.integration.APIKey;
import io.autogpt.seed.core.integration.APIKeyPermission;
import io.autogpt.seed.core.integration.APIKeyStatus;
import io.autogpt.seed.core.random.Rng;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@code "APIKey"} rows shaped like the platform's: the key is {@code agpt_} plus 43 URL-safe characters
 * ({@code secrets.token_urlsafe(32)}); the row keeps its first 8 and last 8 characters, a 16-byte hex salt and a
 * 64-hex-digit salted hash. The plain key exists only inside {@link #create} and is never stored.
 *
 * <p>The platform hashes with scrypt (n = 2^14), about 50 ms a key; seeded keys use SHA-256(salt ‖ key) instead,
 * which has the same shape and keeps a million keys affordable. Nobody can use a seeded key either way, since its
 * plain text is thrown away. Thread-safe.
 */
final class APIKeyFactory {
    static final String PREFIX = "agpt_";
    private static final APIKeyPermission[] PERMISSIONS = APIKeyPermission.values();

    private final DatasetShape shape;

    public APIKeyFactory(DatasetShape shape) {
        this.shape = shape;
    }

    public APIKey create(long u, long k) {
        Rng rng = shape.rng("APIKey", u, k);
        String key = PREFIX + rng.urlSafe(43);
        String salt = rng.hex(32);
        List<APIKeyPermission> permissions = new ArrayList<>();
        for (APIKeyPermission permission : PERMISSIONS) {
            if (rng.chance(0.4)) {
                permissions.add(permission);
            }
        }
        if (permissions.isEmpty()) {
            permissions.add(APIKeyPermission.EXECUTE_GRAPH);
        }
        LocalDateTime createdAt = DatasetShape.between(rng, shape.userCreatedAt(u), shape.now());
        APIKeyStatus status = rng.chance(0.9) ? APIKeyStatus.ACTIVE : APIKeyStatus.REVOKED;
        LocalDateTime lastUsed = rng.chance(0.6) ? DatasetShape.between(rng, createdAt, shape.now()) : null;
        LocalDateTime revokedAt = status == APIKeyStatus.REVOKED
                ? DatasetShape.between(rng, lastUsed != null ? lastUsed : createdAt, shape.now()) : null;
        Tenancy.Placement where = shape.tenancy().placement(u, createdAt, shape.rng("tenancy/APIKey", u, k));
        return new APIKey(shape.id("APIKey", u, k), "Key " + (k + 1), key.substring(0, 8),
                key.substring(key.length() - 8), Hashes.sha256Hex(salt + key), status, permissions, createdAt, lastUsed,
                revokedAt, rng.chance(0.5) ? "Load test key" : null, shape.userId(u), salt, where.organizationId(),
                where.teamId());
    }
}

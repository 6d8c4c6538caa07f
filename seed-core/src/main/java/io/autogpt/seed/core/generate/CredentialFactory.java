package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.integration.CredentialOwnerType;
import io.autogpt.seed.core.integration.IntegrationCredential;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.plan.EncryptionKey;
import io.autogpt.seed.core.random.Rng;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code "IntegrationCredential"} rows of user {@code u}: a third of users keep one or two of their own in their
 * personal organisation ({@code USER}), and each shared organisation {@code u} owns keeps one or two for the whole
 * organisation ({@code ORG}) or a team ({@code TEAM}), created by its owner. The secret fields (an API key, or an
 * OAuth2 token pair) are a JSON object encrypted as the platform's {@code JSONCryptor} does, under the plan's
 * {@link EncryptionKey}: without the key, no rows (a value the platform could not decrypt is worse than none).
 * Thread-safe.
 */
final class CredentialFactory {
    /** Provider, credential type, display name, scopes (OAuth2 only). */
    private static final List<String[]> KINDS = List.of(
            new String[] {"github", "api_key", "GitHub token", ""},
            new String[] {"linear", "api_key", "Linear API key", ""},
            new String[] {"notion", "oauth2", "Notion", "read_content update_content"},
            new String[] {"google", "oauth2", "Google", "https://www.googleapis.com/auth/gmail.readonly "
                    + "https://www.googleapis.com/auth/calendar.readonly"},
            new String[] {"slack", "oauth2", "Slack", "chat:write channels:read"},
            new String[] {"openai", "api_key", "OpenAI key", ""});

    private final DatasetShape shape;
    private final Tenancy tenancy;
    private final @org.jspecify.annotations.Nullable Fernet fernet;

    CredentialFactory(DatasetShape shape) {
        this.shape = shape;
        this.tenancy = shape.tenancy();
        EncryptionKey key = shape.plan().encryptionKey();
        this.fernet = key == null ? null : new Fernet(key);
    }

    List<IntegrationCredential> credentials(long u) {
        Fernet f = fernet;
        if (f == null || !tenancy.enabled()) {
            return List.of();
        }
        List<IntegrationCredential> rows = new ArrayList<>();
        Rng own = shape.rng("IntegrationCredential/personal", u);
        if (own.chance(0.33)) {
            int n = own.between(1, 2);
            for (int i = 0; i < n; i++) {
                rows.add(credential(f, "personal", new long[] {u, i}, tenancy.personalOrgId(u),
                        CredentialOwnerType.USER, shape.userId(u), null, shape.userId(u), shape.userCreatedAt(u)));
            }
        }
        for (Tenancy.SharedOrg org : tenancy.ownedBy(u)) {
            Rng rng = shape.rng("IntegrationCredential/org", org.cohortStart(), org.k());
            int n = rng.between(1, 2);
            for (int i = 0; i < n; i++) {
                String orgId = tenancy.sharedOrgId(org);
                // A team's credential: one of the organisation's teams, kept after the team was made.
                Tenancy.TeamPlan team = rng.chance(0.5) ? rng.pick(org.teams()) : null;
                String teamId = team == null ? null : tenancy.teamId(org, team.t());
                LocalDateTime since = team == null ? org.createdAt() : Tenancy.max(org.createdAt(), team.createdAt());
                rows.add(credential(f, "org", new long[] {org.cohortStart(), org.k(), i}, orgId,
                        teamId != null ? CredentialOwnerType.TEAM : CredentialOwnerType.ORG,
                        teamId != null ? teamId : orgId, teamId, shape.userId(u), since));
            }
        }
        return rows;
    }

    private IntegrationCredential credential(Fernet f, String kind, long[] path, String orgId,
                                             CredentialOwnerType type, String ownerId,
                                             @org.jspecify.annotations.Nullable String teamId, String createdBy,
                                             LocalDateTime since) {
        Rng rng = shape.rng("IntegrationCredential/" + kind, path);
        String[] k = rng.pick(KINDS);
        LocalDateTime created = DatasetShape.between(rng, since, shape.now().minusHours(1));
        LocalDateTime updated = DatasetShape.between(rng, created, shape.now());
        Map<String, Object> secret = new LinkedHashMap<>();
        boolean oauth = k[1].equals("oauth2");
        if (oauth) {
            secret.put("access_token", "ya29." + rng.urlSafe(120));
            secret.put("refresh_token", "1//" + rng.urlSafe(100));
            secret.put("access_token_expires_at", updated.plusHours(1).toEpochSecond(ZoneOffset.UTC));
            secret.put("scopes", List.of(k[3].split(" ")));
        } else {
            secret.put("api_key", switch (k[0]) {
                case "github" -> "ghp_" + rng.urlSafe(36).replace('-', 'a').replace('_', 'b');
                case "linear" -> "lin_api_" + rng.urlSafe(40).replace('-', 'c').replace('_', 'd');
                default -> "sk-proj-" + rng.urlSafe(48);
            });
        }
        LocalDateTime used = rng.chance(0.7) ? DatasetShape.between(rng, updated, shape.now()) : null;
        return new IntegrationCredential(shape.id("IntegrationCredential/" + kind, path), orgId, type, ownerId,
                teamId, k[0], k[1], k[2], f.encrypt(secret, updated, rng), createdBy, used, "active",
                Json.obj("provider", k[0]), oauth && rng.chance(0.1) ? updated.plus(Duration.ofDays(180)) : null,
                created, updated);
    }
}

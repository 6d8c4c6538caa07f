package io.autogpt.seed.jpa;

import io.autogpt.seed.core.plan.PlatformRules;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform schema versions the seeder knows, oldest first. Each is described by the reference facts in
 * {@code reference/<id>/} (tables, columns, keys, indexes, enums, views, functions, triggers) and can be created
 * with {@code --create-schema}; a target is matched against all of them.
 */
public enum SchemaVersion {
    /** The 21 tables the platform's original test-data script filled. */
    ORIGINAL("original", "the original test-data script's 21 tables", PlatformRules.EARLY_2026),
    /** Every table of the platform's migrations up to 2026-01 (36), with its views, functions and triggers. */
    PLATFORM_2026_01("platform-2026-01", "the platform's migrations up to 2026-01, 36 tables", PlatformRules.EARLY_2026),
    /**
     * Upstream AutoGPT's newest schema as far as it could be rebuilt: one store listing per graph, a profile per
     * user, library folders, user workspaces (39 tables).
     */
    PLATFORM_UPSTREAM_2026("platform-upstream-2026", "upstream AutoGPT in early 2026, 39 tables",
            PlatformRules.EARLY_2026),
    /**
     * Today's platform: upstream AutoGPT at schema.prisma 53c7ae5c (about 2026-09-25), 95 tables: organisations and
     * teams, Better Auth, the new notification and onboarding model, experts, skills, the catalogue.
     */
    PLATFORM_2026_09("platform-2026-09", "upstream AutoGPT at 2026-09, 95 tables", PlatformRules.SEPTEMBER_2026);

    private final String id;
    private final String description;
    private final PlatformRules rules;

    SchemaVersion(String id, String description, PlatformRules rules) {
        this.id = id;
        this.description = description;
        this.rules = rules;
    }

    /** The generation of the platform's rules a database of this version follows. */
    public PlatformRules rules() {
        return rules;
    }

    /** The version's name, as {@code --schema-version} takes it and reports name it. */
    public String id() {
        return id;
    }

    /** One line on what the version is. */
    public String description() {
        return description;
    }

    /** The newest version: what {@code --create-schema} creates unless told otherwise. */
    public static SchemaVersion newest() {
        SchemaVersion[] all = values();
        return all[all.length - 1];
    }

    /** The version named {@code id} (case-insensitive), if the seeder knows it. */
    public static Optional<SchemaVersion> byId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}

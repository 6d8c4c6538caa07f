package io.autogpt.seed.jpa;

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
    ORIGINAL("original", "the original test-data script's 21 tables"),
    /** Every table of the platform's migrations up to 2026-01 (36), with its views, functions and triggers. */
    PLATFORM_2026_01("platform-2026-01", "the platform's migrations up to 2026-01, 36 tables"),
    /**
     * Upstream AutoGPT's newest schema as far as it could be rebuilt: one store listing per graph, a profile per
     * user, library folders, user workspaces (39 tables).
     */
    PLATFORM_UPSTREAM_2026("platform-upstream-2026", "upstream AutoGPT's newest schema, 39 tables");

    private final String id;
    private final String description;

    SchemaVersion(String id, String description) {
        this.id = id;
        this.description = description;
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

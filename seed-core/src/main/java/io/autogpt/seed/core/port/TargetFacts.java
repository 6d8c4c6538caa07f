package io.autogpt.seed.core.port;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a target said about itself when a run began, for the run's report.
 *
 * @param schemaVersion  the schema version the target matches, or is closest to, as the target names it (e.g.
 *                       {@code platform-2026-01}); empty when the target does not tell
 * @param tablesLeftOut  tables of the dataset the target does not have and need not have (an older or newer
 *                       schema): the runner does not generate their rows
 * @param notes          what else a person should know, one line each (tables or columns left to defaults, …)
 * @param writtenVersion the known schema version whose tables and columns the rows are written for, without how
 *                       far the target is from it (e.g. {@code platform-2026-01}): part of a run's
 *                       {@link io.autogpt.seed.core.plan.RunShape shape}, where {@code schemaVersion} is for people;
 *                       empty when the target does not tell
 */
public record TargetFacts(String schemaVersion, Set<String> tablesLeftOut, List<String> notes,
                          String writtenVersion) {
    /** A target that tells nothing and takes every table. */
    public static final TargetFacts NONE = new TargetFacts("", Set.of(), List.of());

    public TargetFacts {
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        tablesLeftOut = Set.copyOf(tablesLeftOut);
        notes = List.copyOf(notes);
        Objects.requireNonNull(writtenVersion, "writtenVersion");
    }

    /** Facts of a target that is exactly version {@code schemaVersion}, or tells none (empty). */
    public TargetFacts(String schemaVersion, Set<String> tablesLeftOut, List<String> notes) {
        this(schemaVersion, tablesLeftOut, notes, schemaVersion);
    }

    /** These facts with {@code more} notes after the ones they have. */
    public TargetFacts withNotes(List<String> more) {
        return new TargetFacts(schemaVersion, tablesLeftOut,
                java.util.stream.Stream.concat(notes.stream(), more.stream()).toList(), writtenVersion);
    }
}

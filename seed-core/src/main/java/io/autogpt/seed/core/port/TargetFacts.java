package io.autogpt.seed.core.port;

import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.SeedPlan;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
 * @param rules          the generation of the platform's rules the target's schema has, which the rows must
 *                       follow; null when the target does not tell (the plan's own are used)
 */
public record TargetFacts(String schemaVersion, Set<String> tablesLeftOut, List<String> notes,
                          String writtenVersion, @Nullable PlatformRules rules) {
    /** A target that tells nothing and takes every table. */
    public static final TargetFacts NONE = new TargetFacts("", Set.of(), List.of(), "", null);

    public TargetFacts {
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        tablesLeftOut = Set.copyOf(tablesLeftOut);
        notes = List.copyOf(notes);
        Objects.requireNonNull(writtenVersion, "writtenVersion");
    }

    /** Facts of a target that is exactly version {@code schemaVersion}, or tells none (empty), saying nothing of rules. */
    public TargetFacts(String schemaVersion, Set<String> tablesLeftOut, List<String> notes) {
        this(schemaVersion, tablesLeftOut, notes, schemaVersion, null);
    }

    /** These facts with {@code more} notes after the ones they have. */
    public TargetFacts withNotes(List<String> more) {
        return new TargetFacts(schemaVersion, tablesLeftOut,
                java.util.stream.Stream.concat(notes.stream(), more.stream()).toList(), writtenVersion, rules);
    }

    /** {@code plan} under the rules of this target, or as it is when the target does not tell. */
    public SeedPlan fit(SeedPlan plan) {
        return rules == null || rules == plan.rules() ? plan : plan.withRules(rules);
    }
}

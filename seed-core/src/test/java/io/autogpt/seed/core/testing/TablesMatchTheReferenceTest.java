package io.autogpt.seed.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.table.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each table is described once, by its row record, for every known schema version at once: a record holds the union
 * of the versions' columns, and writers leave out what a target lacks. This holds every record against each
 * version's reference, so a renamed, retyped or wrongly nullable component fails here, before any database sees it.
 */
class TablesMatchTheReferenceTest {
    static final List<String> VERSIONS = ReferenceKeys.VERSIONS;
    // Today's rules: their dataset has every table (the early rules' lacks the tenancy tables).
    private static final List<Table<?>> TABLES = new Dataset(SeedPlan.of(1, Instant.EPOCH.plusSeconds(1L << 31),
            ScaleProfile.original().withUsers(1)).withRules(io.autogpt.seed.core.plan.PlatformRules.SEPTEMBER_2026))
            .steps().stream().<Table<?>>map(Dataset.Step::table).toList();

    /** table.column → {type, is_nullable, column_default}, per version. */
    private static Map<String, String[]> reference(String version) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String[] row : ReferenceKeys.rows(version, "columns.csv")) {
            out.put(row[0] + "." + row[1], new String[] {row[2], row[3], row.length > 4 ? row[4] : ""});
        }
        return out;
    }

    /** The nullable columns of {@code version}, as table.column. */
    private static Map<String, String[]> nullables(String version) {
        Map<String, String[]> out = new HashMap<>(reference(version));
        out.values().removeIf(ref -> !ref[1].equals("YES"));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("VERSIONS")
    void everyColumnAVersionHasHasItsTypeAndNullability(String version) {
        Map<String, String[]> reference = reference(version);
        List<String> problems = new ArrayList<>();
        for (Table<?> table : TABLES) {
            problems.addAll(problems(table, reference, true));
        }
        // A column a later version made nullable (PendingHumanReview's graph columns in 2026-09) is nullable in the
        // record, which holds the union; the rows of older rules never leave it null, and their databases check it.
        Map<String, String[]> later = new HashMap<>();
        VERSIONS.subList(VERSIONS.indexOf(version) + 1, VERSIONS.size()).forEach(v -> later.putAll(nullables(v)));
        problems.removeIf(p -> p.endsWith(" may be null, the reference is NOT NULL")
                && later.containsKey(p.substring(0, p.indexOf(' '))));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyColumnOfEveryRecordIsInSomeVersion() {
        Map<String, String[]> union = new HashMap<>();
        VERSIONS.forEach(v -> union.putAll(reference(v)));
        List<String> missing = new ArrayList<>();
        for (Table<?> table : TABLES) {
            for (Column<?> column : table.columns()) {
                if (!union.containsKey(table.name() + "." + column.name())) {
                    missing.add(table.name() + "." + column.name());
                }
            }
        }
        assertThat(missing).as("columns no known schema version has").isEmpty();
    }

    /**
     * What keeps {@code table}'s record from fitting a version: a column it writes that the version has with another
     * type, or NOT NULL while the record may leave it null; a NOT NULL column without default the record does not
     * write. Columns the version lacks are fine (writers leave them out), unless {@code partial} is false.
     */
    private static List<String> problems(Table<?> table, Map<String, String[]> reference, boolean partial) {
        List<String> out = new ArrayList<>();
        boolean versionHasTable = reference.keySet().stream().anyMatch(k -> k.startsWith(table.name() + "."));
        if (!versionHasTable) {
            return out;
        }
        for (Column<?> column : table.columns()) {
            String[] ref = reference.get(table.name() + "." + column.name());
            if (ref == null) {
                if (!partial) {
                    out.add(table.name() + "." + column.name() + " is not in the reference");
                }
            } else if (!ref[0].equals(column.sqlTypeName()) && !(ref[0].equals("text[]")
                    && column.type() == io.autogpt.seed.core.table.SqlType.ENUM_ARRAY)) {
                // (2026-09 retyped the onboarding steps' enum arrays to text[]: the labels go in as text, as SchemaFit
                // accepts.)
                out.add(table.name() + "." + column.name() + " is " + column.sqlTypeName() + ", the reference " + ref[0]);
            } else if (column.nullable() && ref[1].equals("NO")) {
                out.add(table.name() + "." + column.name() + " may be null, the reference is NOT NULL");
            }
        }
        if (table.kind() != Table.Kind.UPDATE) {
            reference.forEach((key, ref) -> {
                boolean written = table.columns().stream().anyMatch(c -> key.equals(table.name() + "." + c.name()));
                if (key.startsWith(table.name() + ".") && ref[1].equals("NO") && ref[2].isEmpty() && !written) {
                    out.add(key + " is NOT NULL without a default, and the record does not write it");
                }
            });
        }
        return out;
    }

    /** A row record that drifted from the schema: a retyped, a nullable and a missing column. */
    record User(String id, int email, @Nullable String name) {
    }

    /** A profile whose owner may be missing: the 2026-01 schema allows it, the upstream one does not. */
    record Profile(String id, java.time.LocalDateTime createdAt, java.time.LocalDateTime updatedAt,
                   @Nullable String userId, String name, String username, String description, List<String> links,
                   @Nullable String avatarUrl, boolean isFeatured) {
    }

    record Unmappable(String id, Object anything) {
    }

    @Test
    void aRecordThatDriftsFromTheSchemaIsCaught() {
        assertThat(problems(Table.insertOf(User.class), reference("original"), false)).contains(
                "User.email is integer, the reference text",
                "User.updatedAt is NOT NULL without a default, and the record does not write it");
        assertThat(problems(Table.insertOf(Profile.class), reference("platform-2026-01"), true)).isEmpty();
        assertThat(problems(Table.insertOf(Profile.class), reference("platform-upstream-2026"), true))
                .containsExactly("Profile.userId may be null, the reference is NOT NULL");
        assertThatThrownBy(() -> Table.insertOf(Unmappable.class))
                .hasMessage("Unmappable.anything has a type with no column type: class java.lang.Object");
    }
}

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
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Each table is described once, by its row record; this holds every record against the reference schema, so a
 * renamed, retyped or wrongly nullable component fails here, before any database sees it.
 */
class TablesMatchTheReferenceTest {
    /** table.column → {type, is_nullable, column_default} */
    private static final Map<String, String[]> REFERENCE = new HashMap<>();

    static {
        for (String[] row : ReferenceKeys.rows("columns.csv")) {
            REFERENCE.put(row[0] + "." + row[1], new String[] {row[2], row[3], row.length > 4 ? row[4] : ""});
        }
    }

    @Test
    void everyColumnOfEveryTableHasTheReferenceTypeAndNullability() {
        List<String> problems = new ArrayList<>();
        for (Dataset.Step<?> step : new Dataset(SeedPlan.of(1, Instant.EPOCH.plusSeconds(1L << 31),
                ScaleProfile.original().withUsers(1))).steps()) {
            problems.addAll(problems(step.table()));
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> problems(Table<?> table) {
        List<String> out = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            String[] ref = REFERENCE.get(table.name() + "." + column.name());
            if (ref == null) {
                out.add(table.name() + "." + column.name() + " is not in the reference");
            } else if (!ref[0].equals(column.sqlTypeName())) {
                out.add(table.name() + "." + column.name() + " is " + column.sqlTypeName() + ", the reference " + ref[0]);
            } else if (column.nullable() && ref[1].equals("NO")) {
                out.add(table.name() + "." + column.name() + " may be null, the reference is NOT NULL");
            }
        }
        if (table.kind() != Table.Kind.UPDATE) {
            REFERENCE.forEach((key, ref) -> {
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

    record Unmappable(String id, Object anything) {
    }

    @Test
    void aRecordThatDriftsFromTheSchemaIsCaught() {
        assertThat(problems(Table.insertOf(User.class))).contains(
                "User.email is integer, the reference text",
                "User.updatedAt is NOT NULL without a default, and the record does not write it");
        assertThatThrownBy(() -> Table.insertOf(Unmappable.class))
                .hasMessage("Unmappable.anything has a type with no column type: class java.lang.Object");
    }
}

package io.autogpt.seed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.credit.CreditTransactionType;
import io.autogpt.seed.core.execution.AgentExecutionStatus;
import io.autogpt.seed.core.integration.APIKeyPermission;
import io.autogpt.seed.core.integration.APIKeyStatus;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.core.store.SubmissionStatus;
import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.user.OnboardingStep;
import io.autogpt.seed.core.user.SubscriptionTier;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.notification.NotificationType;
import io.autogpt.seed.core.search.ContentType;
import io.autogpt.seed.core.table.PlatformLabel;
import io.autogpt.seed.it.support.Reference;
import io.autogpt.seed.jpa.SchemaVersion;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core's Java enums and table descriptions agree with the reference schema. */
class EnumsMatchReferenceTest {
    /**
     * Each Java enum's labels, in order, are the labels of every version that has the type, or the first of them:
     * a newer version may add labels the seeder does not write, never lose or reorder one it does.
     */
    @Test
    void everyJavaEnumHasTheReferenceLabelsInOrder() {
        for (Class<? extends Enum<?>> e : List.of(AgentExecutionStatus.class, SubmissionStatus.class,
                CreditTransactionType.class, APIKeyStatus.class, APIKeyPermission.class, OnboardingStep.class,
                SubscriptionTier.class, NotificationType.class, ContentType.class)) {
            int versions = 0;
            for (String version : Reference.VERSIONS) {
                // The labels the seeder writes into a database of that version: its generation's.
                String labels = Arrays.stream(e.getEnumConstants()).filter(c -> !(c instanceof PlatformLabel l)
                        || l.existsUnder(SchemaVersion.byId(version).orElseThrow().rules())).map(Enum::name)
                        .collect(Collectors.joining(" "));
                String reference = Reference.rows(version, "enums.csv").stream()
                        .filter(r -> r.get("enum_type").equals(e.getSimpleName())).map(r -> r.get("labels"))
                        .findFirst().orElse(null);
                if (reference != null) {
                    versions++;
                    assertThat(reference + " ").as(version + " " + e.getSimpleName()).startsWith(labels + " ");
                }
            }
            assertThat(versions).as(e.getSimpleName() + " in some version").isPositive();
        }
    }

    @Test
    void everyWrittenColumnHasTheReferenceTypeAndNullabilityWhereAVersionHasIt() {
        // Today's rules: every table, today's included.
        Dataset dataset = new Dataset(SeedPlan.of(1, Instant.EPOCH, ScaleProfile.original())
                .withRules(io.autogpt.seed.core.plan.PlatformRules.SEPTEMBER_2026));
        // version → "table.column" → its reference row, each version's file read once.
        Map<String, Map<String, Map<String, String>>> columns = new java.util.LinkedHashMap<>();
        for (String version : Reference.VERSIONS) {
            columns.put(version, Reference.rows(version, "columns.csv").stream()
                    .collect(Collectors.toMap(r -> r.get("table_name") + "." + r.get("column_name"), r -> r)));
        }
        int checked = 0;
        for (Dataset.Step<?> step : dataset.steps()) {
            Table<?> table = step.table();
            for (Column<?> column : table.columns()) {
                int found = 0;
                for (String version : Reference.VERSIONS) {
                    Map<String, String> ref = columns.get(version).get(table.name() + "." + column.name());
                    if (ref == null) {
                        continue;
                    }
                    found++;
                    // 2026-09 retyped the onboarding steps' enum arrays to text[]: the labels go in as text.
                    assertThat(column.type() == io.autogpt.seed.core.table.SqlType.ENUM_ARRAY
                            && ref.get("type").equals("text[]") ? "text[]" : column.sqlTypeName())
                            .as(version + " " + table.name() + "." + column.name()).isEqualTo(ref.get("type"));
                    if (column.nullable() && !nullableUnderNewerRulesOnly(columns, version,
                            table.name() + "." + column.name())) {
                        assertThat(ref.get("is_nullable")).as(version + " " + table.name() + "." + column.name()
                                + " may be null").isEqualTo("YES");
                    }
                    checked++;
                }
                assertThat(found).as(table.name() + "." + column.name() + " is in some version").isPositive();
            }
        }
        assertThat(checked).isGreaterThan(600);
    }

    /**
     * Whether {@code column} is NOT NULL in every version of {@code version}'s rules and nullable in one of newer
     * rules (2026-09's chat reviews leave the graph columns null): rows of the older rules never leave it null.
     */
    private static boolean nullableUnderNewerRulesOnly(Map<String, Map<String, Map<String, String>>> columns,
                                                       String version, String column) {
        io.autogpt.seed.core.plan.PlatformRules rules = SchemaVersion.byId(version).orElseThrow().rules();
        boolean newer = false;
        for (String v : Reference.VERSIONS) {
            Map<String, String> ref = columns.get(v).get(column);
            if (ref == null || !ref.get("is_nullable").equals("YES")) {
                continue;
            }
            io.autogpt.seed.core.plan.PlatformRules theirs = SchemaVersion.byId(v).orElseThrow().rules();
            if (theirs == rules) {
                return false;
            }
            newer |= theirs.compareTo(rules) > 0;
        }
        return newer;
    }
}

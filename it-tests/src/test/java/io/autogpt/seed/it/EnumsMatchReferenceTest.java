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
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.it.support.Reference;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core's Java enums and table descriptions agree with the reference schema. */
class EnumsMatchReferenceTest {
    @Test
    void everyJavaEnumHasTheReferenceLabelsInOrder() {
        Map<String, String> reference = Reference.rows("enums.csv").stream()
                .collect(Collectors.toMap(r -> r.get("enum_type"), r -> r.get("labels")));
        for (Class<? extends Enum<?>> e : List.of(AgentExecutionStatus.class, SubmissionStatus.class,
                CreditTransactionType.class, APIKeyStatus.class, APIKeyPermission.class, OnboardingStep.class)) {
            String labels = Arrays.stream(e.getEnumConstants()).map(Enum::name).collect(Collectors.joining(" "));
            assertThat(labels).as(e.getSimpleName()).isEqualTo(reference.get(e.getSimpleName()));
        }
    }

    @Test
    void everyWrittenColumnHasTheReferenceTypeAndNullability() {
        Map<String, Map<String, String>> reference = Reference.rows("columns.csv").stream()
                .collect(Collectors.toMap(r -> r.get("table_name") + "." + r.get("column_name"), r -> r));
        Dataset dataset = new Dataset(SeedPlan.of(1, Instant.EPOCH, ScaleProfile.original()));
        int checked = 0;
        for (Dataset.Step<?> step : dataset.steps()) {
            Table<?> table = step.table();
            for (Column<?> column : table.columns()) {
                Map<String, String> ref = reference.get(table.name() + "." + column.name());
                assertThat(ref).as(table.name() + "." + column.name() + " exists in the reference").isNotNull();
                assertThat(column.sqlTypeName()).as(table.name() + "." + column.name()).isEqualTo(ref.get("type"));
                if (column.nullable()) {
                    assertThat(ref.get("is_nullable")).as(table.name() + "." + column.name() + " may be null")
                            .isEqualTo("YES");
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
    }
}

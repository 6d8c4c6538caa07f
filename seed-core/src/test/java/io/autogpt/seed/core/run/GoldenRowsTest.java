package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.credit.CreditRefundRequest;
import io.autogpt.seed.core.credit.CreditRefundRequestStatus;
import io.autogpt.seed.core.plan.ActivityProfile;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.testing.Canonical;
import io.autogpt.seed.core.user.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the dataset of one fixed plan, table by table. A change here changes every user's data: when it is meant
 * (a new column, a better distribution), update the hashes in the same commit and say so in its message.
 */
class GoldenRowsTest {
    /**
     * Twelve users of the original profile, every one of whom with a top-up asks a refund: at the standard one in
     * ten these twelve asked none, and the refunds' pin was the hash of no rows. The share draws nothing else, so
     * every other table's rows are those of the standard profile.
     */
    private static final SeedPlan PLAN = SeedPlan.of(7, Instant.parse("2025-01-01T00:00:00Z"),
            ScaleProfile.original().withUsers(12).withActivity(ActivityProfile.standard().toBuilder()
                    .refundShare(1).build()));
    /** The hash of no rows: a pin equal to it pins nothing. */
    private static final String NO_ROWS = Canonical.sha256(User.TABLE, java.util.stream.Stream.empty())
            .substring(0, 16);

    static Map<String, String> hashes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Dataset.Step<?> step : new Dataset(PLAN).steps()) {
            out.put(step.table().label(), hash(step));
        }
        return out;
    }

    /**
     * The hash of a step's rows over the columns an early-2026 schema has: columns only today's platform has (the
     * tenancy columns records gained) do not exist in an early target, so they are left out, and
     * {@link #todaysColumnsHoldOneValueUnderTheEarlyRules} checks they carry nothing there.
     */
    private static <R extends Record> String hash(Dataset.Step<R> step) {
        return Canonical.sha256(step.table().without(todayOnly(step.table())), step.rows().get()).substring(0, 16);
    }

    private static final java.util.Set<String> EARLY_COLUMNS = io.autogpt.seed.core.testing.ReferenceKeys
            .EARLY_VERSIONS.stream().flatMap(v -> io.autogpt.seed.core.testing.ReferenceKeys.columnsOf(v).stream())
            .collect(java.util.stream.Collectors.toSet());

    static java.util.List<String> todayOnly(io.autogpt.seed.core.table.Table<?> table) {
        return table.columns().stream().map(io.autogpt.seed.core.table.Column::name)
                .filter(c -> !EARLY_COLUMNS.contains(table.name() + "." + c)).toList();
    }

    @Test
    void todaysColumnsHoldOneValueUnderTheEarlyRules() {
        for (Dataset.Step<?> step : new Dataset(PLAN).steps()) {
            assertOneValue(step);
        }
    }

    private static <R extends Record> void assertOneValue(Dataset.Step<R> step) {
        for (io.autogpt.seed.core.table.Column<R> column : step.table().columns()) {
            if (todayOnly(step.table()).contains(column.name())) {
                assertThat(step.rows().get().map(r -> String.valueOf(column.value(r))).distinct().count())
                        .as(step.table().name() + "." + column.name()).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void tablesHashAsPinned() {
        Map<String, String> expected = new java.util.TreeMap<>();
        GOLDEN.lines().map(l -> l.split("=")).forEach(kv -> expected.put(kv[0], kv[1]));
        assertThat(new java.util.TreeMap<>(hashes())).as("golden hashes for seed 7 (print GoldenRowsTest.hashes() to update)")
                .isEqualTo(expected);
        assertThat(expected).as("every table of the golden plan holds rows, so each pin pins something")
                .doesNotContainValue(NO_ROWS);
    }

    @Test
    void theGoldenPlanMakesRefundsInEveryStatus() {
        assertThat(new Dataset(PLAN).rows(CreditRefundRequest.TABLE).map(CreditRefundRequest::status).distinct())
                .containsExactlyInAnyOrder(CreditRefundRequestStatus.values());
    }

    private static final String GOLDEN = """
            APIKey=812cac2e2f277502
            AgentBlock=05e03ab7ea115882
            AgentGraph=2a3ca6dce3b6b782
            AgentGraphExecution=e00b712bf77224da
            AgentNode=d6f42934d39d8b85
            AgentNodeExecution=918f4d805b244a54
            AgentNodeExecutionInputOutput=3dc0f0e4ab413d59
            AgentNodeExecutionKeyValueData=e70401acd5ab4839
            AgentNodeLink=c7972aa69fd4c294
            AgentPreset=4c948acaca83375f
            AnalyticsDetails=b5c272f30f06c1b5
            AnalyticsMetrics=e525e584c50dd947
            BuilderSearchHistory=f1e7895d8109688c
            ChatMessage=6f5f6c4db1cb288a
            ChatSession=80dd3849052fc3ad
            CoPilotUnderstanding=1dec24fac3618ecf
            CreditRefundRequest=f368b2f35e0e9b6e
            CreditTransaction=e95dbc207ff74d8d
            IntegrationWebhook=988dd35e01ded505
            LibraryAgent=0d1d4ff6a77f1083
            LibraryFolder=2e0ae79992d3bbd0
            NotificationEvent=64cafad15138c8ed
            OAuthAccessToken=2140f55bcb83ab46
            OAuthApplication=fd836291921e195b
            OAuthAuthorizationCode=f19b1efc5acc1548
            OAuthRefreshToken=a757f24524baf6d5
            PendingHumanReview=aa8c001e3a149d68
            Profile=e07a8f50c0ca6f8e
            SearchTerms=71d687631a338830
            StoreListing=90915e6a51fdfd35
            StoreListing (update activeVersionId)=5b40a3e9a6397404
            StoreListingReview=f5d436f5a0fdecd8
            StoreListingVersion=689966dd76c5b62d
            UnifiedContentEmbedding=54cfe2fe185a0f70
            User=ddb1a3135467674c
            UserBalance=a09d1f95cfbe15b1
            UserNotificationBatch=949831d7ea39a526
            UserOnboarding=4a77ffa33210a47b
            UserWorkspace=969a4db41a7b1d57
            UserWorkspaceFile=0d6c2ff05476d529""";
}

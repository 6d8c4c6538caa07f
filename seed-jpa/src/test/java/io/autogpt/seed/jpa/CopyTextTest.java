package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.user.Profile;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextTest {
    @Test
    void escapesWhatCopyTextFormatTreatsSpecially() {
        Profile p = new Profile("id\t1", LocalDateTime.of(2025, 1, 2, 3, 4, 5, 6_000), LocalDateTime.of(999, 12, 31, 0, 0),
                "owner", "a\\b", "line\nbreak\r", "tab\there", List.of("x,\"y\"", "back\\slash", "{}"), null, true);
        StringBuilder out = new StringBuilder();
        CopyText.appendRow(out, Profile.TABLE, p);
        assertThat(out.toString()).isEqualTo("id\\t1\t2025-01-02 03:04:05.000006\t0999-12-31 00:00:00.000000\towner\t"
                + "a\\\\b\tline\\nbreak\\r\ttab\\there\t{\"x,\\\\\"y\\\\\"\",\"back\\\\\\\\slash\",\"{}\"}\t\\N\tt\n");
    }

    @Test
    void identifiersAreQuotedAndUpdatesStageThroughATempTable() {
        assertThat(CopyText.quote("User")).isEqualTo("\"User\"");
        assertThat(CopyText.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(CopyText.applyStaging(io.autogpt.seed.core.store.StoreListingActiveVersion.TABLE, "s1"))
                .isEqualTo("UPDATE \"StoreListing\" t SET \"activeVersionId\" = s.\"activeVersionId\" FROM s1 s "
                        + "WHERE t.\"id\" = s.\"id\"");
    }
}

package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.user.Profile;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextTest {
    @Test
    void escapesWhatCopyTextFormatTreatsSpecially() {
        Profile p = new Profile("id\t1", LocalDateTime.of(2025, 1, 2, 3, 4, 5, 6_000), LocalDateTime.of(999, 12, 31, 0, 0),
                "owner", "a\\b", "line\nbreak\r", "tab\there", List.of("x,\"y\"", "back\\slash", "{}"), null, true);
        CopyBuffer out = new CopyBuffer(16);
        CopyText.rows(Profile.TABLE).append(out, p);
        assertThat(new String(out.array(), 0, out.size(), StandardCharsets.UTF_8)).isEqualTo("id\\t1\t2025-01-02 03:04:05.000006\t0999-12-31 00:00:00.000000\towner\t"
                + "a\\\\b\tline\\nbreak\\r\ttab\\there\t{\"x,\\\\\"y\\\\\"\",\"back\\\\\\\\slash\",\"{}\"}\t\\N\tt\n");
    }

    @Test
    void textIsUtf8WithCopyEscapes() {
        for (String s : List.of("", "plain", "café ÷ naïve", "日本語のテキスト", "emoji 🚀 and 👩‍💻 here",
                "back\\slash\ttab\nline\rcr", "lone \uD800 surrogate", "\uDC00 low first", "end \uD83D",
                "x".repeat(70_000) + "é")) {
            CopyBuffer out = new CopyBuffer(4);
            out.text(s);
            byte[] expected = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                    .replace("\r", "\\r").getBytes(StandardCharsets.UTF_8);
            assertThat(java.util.Arrays.copyOf(out.array(), out.size())).as(s.length() > 80 ? "long text" : s)
                    .isEqualTo(expected);
        }
    }

    @Test
    void numbersArePaddedToTheirWidth() {
        CopyBuffer out = new CopyBuffer(1);
        out.digits(7, 4).ascii('|').digits(0, 2).ascii('|').digits(123456, 6).ascii('|').digits(12345, 2)
                .ascii('|').digits(2147483647, 1);
        assertThat(new String(out.array(), 0, out.size(), StandardCharsets.US_ASCII))
                .isEqualTo("0007|00|123456|12345|2147483647");
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

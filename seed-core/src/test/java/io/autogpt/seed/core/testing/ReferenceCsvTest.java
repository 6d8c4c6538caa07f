package io.autogpt.seed.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceCsvTest {
    private static List<String[]> read(String text) {
        return ReferenceCsv.records(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aQuotedCellKeepsItsNewlinesBlankLinesAndDoubledQuotes() {
        List<String[]> records = read("kind,name,definition\n"
                + "function,f,\"CREATE FUNCTION \"\"f\"\"()\n\nBEGIN\n  RETURN 1;\nEND;\n\"\n"
                + "\n"
                + "view,v,SELECT 1\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).containsExactly("kind", "name", "definition");
        assertThat(records.get(1)).containsExactly("function", "f",
                "CREATE FUNCTION \"f\"()\n\nBEGIN\n  RETURN 1;\nEND;\n");
        assertThat(records.get(2)).containsExactly("view", "v", "SELECT 1");
    }

    @Test
    void anEmptyLastCellIsAnEmptyString() {
        assertThat(read("a,b\nx,\n").get(1)).containsExactly("x", "");
    }

    @Test
    void everyViewAndFunctionOfTheNewestReferenceIsOneRecordOfThreeCells() throws IOException {
        // views-and-functions.csv is not in the test jar: the repository's copy is read where the build runs.
        try (InputStream in = Files.newInputStream(Path.of("../reference", ReferenceKeys.NEWEST,
                "views-and-functions.csv"))) {
            List<String[]> records = ReferenceCsv.records(in);

            assertThat(records).hasSizeGreaterThan(10).allSatisfy(r -> assertThat(r).hasSize(3));
            assertThat(records.subList(1, records.size())).extracting(r -> r[0])
                    .containsOnly("function", "view", "materialized view");
            assertThat(records).anySatisfy(r -> assertThat(r[2]).contains("\n\n"));
        }
    }
}

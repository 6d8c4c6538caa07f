package io.autogpt.seed.core.testing;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one reader of the reference CSVs (Jackson CSV): commas separate, double quotes enclose, doubled quotes escape,
 * and a quoted cell may span lines (function bodies in {@code views-and-functions.csv} do). Blank lines between
 * records are skipped; blank lines inside a quoted cell are kept.
 */
public final class ReferenceCsv {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private ReferenceCsv() {
    }

    /** Every record of {@code in}, the header first, each as its cells; the caller closes {@code in}. */
    public static List<String[]> records(InputStream in) {
        try {
            return CSV.readerFor(String[].class).<String[]>readValues(in).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

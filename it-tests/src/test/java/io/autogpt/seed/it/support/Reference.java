package io.autogpt.seed.it.support;

import io.autogpt.seed.core.testing.ReferenceKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reference facts about the deployed AutoGPT schema ({@code columns.csv}, {@code constraints.csv},
 * {@code indexes.csv}, {@code enums.csv}). Read from {@code ../shared/reference} beside the repository when present
 * (the source of truth), else from the copy in {@code reference/} that the DDL was generated from.
 */
public final class Reference {
    private Reference() {
    }

    /** The shared reference folder if it is there, else the repository's copy. */
    public static Path dir() {
        String property = System.getProperty("seed.reference.dir");
        return Stream.of(property == null ? null : Path.of(property), Path.of("../../shared/reference"),
                        Path.of("../reference"))
                .filter(p -> p != null && Files.isRegularFile(p.resolve("columns.csv")))
                .findFirst().orElseThrow(() -> new IllegalStateException("reference CSVs not found"));
    }

    /**
     * The shared reference itself ({@code -Dseed.reference.dir}, else {@code ../shared/reference} beside the
     * clone); fails when neither is there, so a comparison with the repository's copy cannot silently compare the
     * copy with itself.
     */
    public static Path shared() {
        String property = System.getProperty("seed.reference.dir");
        Path path = property != null ? Path.of(property) : Path.of("../../shared/reference");
        if (!Files.isRegularFile(path.resolve("columns.csv"))) {
            throw new IllegalStateException("the shared reference is not at " + path.toAbsolutePath().normalize()
                    + ": check out shared/ beside the repository, or pass -Dseed.reference.dir=DIR");
        }
        return path;
    }

    /** The repository's own copy, which tools/generate_ddl.py reads. */
    public static Path repositoryCopy() {
        return Path.of("../reference");
    }

    /** The rows of {@code file}, each as header name to value. */
    public static List<Map<String, String>> rows(String file) {
        try {
            List<String> lines = Files.readAllLines(dir().resolve(file));
            List<String> header = List.of(ReferenceKeys.csv(lines.get(0)));
            List<Map<String, String>> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = List.of(ReferenceKeys.csv(line));
                Map<String, String> row = new java.util.LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
                }
                out.add(row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
